//! The carer portal server: `server` (or `server serve`) runs the portal; other commands
#![recursion_limit = "256"]
//! look after its data.
use clap::{Parser, Subcommand};
use server::{config::Settings, startup, telemetry};

#[derive(Parser)]
#[command(about = "The carer portal server")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("The carer portal cannot start: {error:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    telemetry::init(&settings);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::run(settings).await,
        Command::Migrate => startup::migrate(&settings).await,
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("The carer portal stopped: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
