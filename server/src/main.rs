//! The carer portal server: `server` (or `server serve`) runs the portal; other commands
#![recursion_limit = "256"]
//! look after its data.
use clap::{Parser, Subcommand};
use server::{config::Settings, startup, telemetry};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Create an account for staff (practitioner, responder, admin) or a representative.
    /// The password is read from the first line of standard input.
    CreateUser {
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Write a consistent copy of the database and every stored file into a new folder, while
    /// the portal keeps running.
    Backup {
        /// A folder that does not exist yet or is empty.
        folder: std::path::PathBuf,
    },
    /// Put a backup back (stop the portal first). Checks the whole backup before changing anything.
    Restore {
        folder: std::path::PathBuf,
        /// Replace the existing database (it is kept beside the restored one).
        #[arg(long)]
        replace: bool,
    },
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
        Command::CreateUser { role, email, name } => create_user(&settings, &role, &email, &name).await,
        Command::Backup { folder } => server::backup::backup(&settings, &folder).await.map(|manifest| {
            println!("backed up the database and {} files to {}", manifest.files.len(), folder.display());
        }),
        Command::Restore { folder, replace } => {
            server::backup::restore(&settings, &folder, replace).await.map(|manifest| {
                println!(
                    "restored the database and {} files from {} (taken {})",
                    manifest.files.len(),
                    folder.display(),
                    manifest.created_at
                );
            })
        }
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

async fn create_user(settings: &Settings, role: &str, email: &str, name: &str) -> anyhow::Result<()> {
    let role = app::domain::account::Role::parse(role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?}"))?;
    let mut password = String::new();
    std::io::stdin().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    let id = startup::create_user(settings, role, email, name, password).await?;
    println!("created {} account {id} for {email}", role.as_str());
    Ok(())
}
