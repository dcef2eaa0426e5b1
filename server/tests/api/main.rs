//! The integration tests, in one binary (one link instead of one per file): each module drives
//! a real portal (its own SQLite file, or a new database on the PostgreSQL server named by
//! `PORTAL_TEST_POSTGRES`) served on port 0, through HTTP as a browser would.
mod helpers;

mod access;
mod accounts;
mod advocacy;
mod assessment;
mod assisted;
mod backup;
mod budget;
mod contact;
mod council_sign_in;
mod data_rights;
mod demo;
mod directory;
mod emergency;
mod family;
mod faults;
mod fhir;
mod forms;
mod fresh_sign_in;
mod fuzz_regressions;
mod limits;
mod mail_queue;
mod migrations;
mod plan;
mod plan_copy;
mod registration;
mod review_mail;
mod reviews;
mod s3_files;
mod safety;
mod saves;
mod second_admin;
mod staff;
mod teams;
mod two_factor;
mod two_servers;
mod uploads;
