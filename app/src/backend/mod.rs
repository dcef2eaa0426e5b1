//! The server side of the app (compiled with `ssr` only): the request context every server
//! function opens, the session as server functions see it, and the ports the server crate
//! implements.
pub mod cx;
pub mod jobs;
pub mod ports;
pub mod session;
pub mod shell;
