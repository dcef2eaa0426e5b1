//! The carer portal server: adapters behind the app's ports, HTTP middleware and start-up.
#![recursion_limit = "256"]
pub mod backup;
pub mod clock;
pub mod codes;
pub mod config;
pub mod council_sign_in;
pub mod files;
pub mod http;
pub mod mail;
pub mod passwords;
pub mod routes;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod testing;
