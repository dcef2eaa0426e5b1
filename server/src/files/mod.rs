//! What people upload: the pipeline that decides a file's type from its bytes and makes
//! pictures safe (`pipeline`), and where files are kept, a folder or an S3 bucket (`storage`).
pub mod pipeline;
pub mod storage;
