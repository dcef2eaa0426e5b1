//! A real SMTP server for the tests: Debian's aiosmtpd (`make deps` installs it), and the
//! messages it received, decoded.
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct MailSink {
    child: Child,
    pub port: u16,
    pub mailbox: PathBuf,
    _folder: tempfile::TempDir,
}

impl Drop for MailSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn mail_sink() -> MailSink {
    mail_sink_on(free_port()).await
}

/// A port nothing listens on yet.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Debian's aiosmtpd on `port`, writing what it receives to a mailbox.
pub async fn mail_sink_on(port: u16) -> MailSink {
    let folder = tempfile::tempdir().unwrap();
    let mailbox = folder.path().join("mailbox");
    let child = Command::new("/usr/bin/python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&mailbox)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("aiosmtpd starts (run `make deps` to install python3-aiosmtpd)");
    let sink = MailSink { child, port, mailbox, _folder: folder };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return sink;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("aiosmtpd did not start on port {port}");
}

/// One received message: its subject and its text, decoded.
#[derive(Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn read(path: &Path) -> Mail {
    let raw = std::fs::read_to_string(path).unwrap();
    let (head, body) = raw.split_once("\n\n").or_else(|| raw.split_once("\r\n\r\n")).unwrap();
    let header = |name: &str| {
        head.lines().find_map(|l| l.strip_prefix(&format!("{name}: "))).map(|v| v.trim().to_owned()).unwrap_or_default()
    };
    let body = match header("Content-Transfer-Encoding").as_str() {
        "quoted-printable" => decode_quoted_printable(body),
        "base64" => {
            use base64::Engine;
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).unwrap()).unwrap()
        }
        _ => body.to_owned(),
    };
    Mail { to: header("To"), subject: header("Subject"), body: body.replace("\r\n", "\n") }
}

/// Waits for the mailbox to hold `count` messages, oldest first.
pub async fn mails(sink: &MailSink, count: usize) -> Vec<Mail> {
    for _ in 0..100 {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(sink.mailbox.join("new"))
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        if paths.len() >= count {
            paths.sort_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap());
            return paths.iter().map(|p| read(p)).collect();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("expected {count} emails");
}
