//! Oversized bodies: every kind of endpoint answers 413 with a plain message, and stops reading
//! long before the gigabyte the sender tries to stream ends (what it read is what memory could
//! have grown by; `scripts/oversize_test.py` measures the release server's memory the same way).
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{session_cookie, spawn, TestPortal};

const GIGABYTE: u64 = 1 << 30;
/// The most the sender may have written when the answer comes: the largest limit (a clip, 50 MB)
/// plus what the two sockets' buffers hold.
const MOST_WRITTEN: u64 = 64 << 20;

#[derive(Clone, Copy, Debug)]
enum Framing {
    /// `Content-Length: 1073741824`: refused before a byte is read.
    Declared,
    /// `Transfer-Encoding: chunked`: refused once the limit is passed.
    Chunked,
}

/// A request's headers, as name and value.
type Headers<'a> = &'a [(&'a str, String)];

struct Sent {
    status: u16,
    head: String,
    written: u64,
}

/// Streams a gigabyte at `path` over a raw connection and reads the answer as it comes.
async fn stream_gigabyte(
    portal: &TestPortal,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    framing: Framing,
) -> Sent {
    stream_after(portal, method, path, headers, framing, b"").await
}

/// The same, with the body starting with `start` (a form part's head).
async fn stream_after(
    portal: &TestPortal,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    framing: Framing,
    start: &'static [u8],
) -> Sent {
    let address = portal.url.trim_start_matches("http://").to_owned();
    let stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\n", portal.url);
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(match framing {
        Framing::Declared => "Content-Length: 1073741824\r\n\r\n",
        Framing::Chunked => "Transfer-Encoding: chunked\r\n\r\n",
    });
    let written = Arc::new(AtomicU64::new(0));
    let answered = Arc::new(AtomicBool::new(false));
    let sender = {
        let (written, answered) = (written.clone(), answered.clone());
        tokio::spawn(async move {
            writer.write_all(head.as_bytes()).await?;
            if !start.is_empty() {
                if let Framing::Chunked = framing {
                    writer.write_all(format!("{:x}\r\n", start.len()).as_bytes()).await?;
                }
                writer.write_all(start).await?;
                if let Framing::Chunked = framing {
                    writer.write_all(b"\r\n").await?;
                }
            }
            let block = vec![b'a'; 64 * 1024];
            let chunk_head = format!("{:x}\r\n", block.len());
            while written.load(Ordering::Relaxed) < GIGABYTE && !answered.load(Ordering::Relaxed) {
                if let Framing::Chunked = framing {
                    writer.write_all(chunk_head.as_bytes()).await?;
                }
                writer.write_all(&block).await?;
                if let Framing::Chunked = framing {
                    writer.write_all(b"\r\n").await?;
                }
                written.fetch_add(block.len() as u64, Ordering::Relaxed);
            }
            Ok::<_, std::io::Error>(())
        })
    };
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    let head = tokio::time::timeout(std::time::Duration::from_secs(120), async {
        loop {
            let read = reader.read(&mut buffer).await.unwrap();
            assert!(read > 0, "{path}: the connection closed without an answer");
            answer.extend_from_slice(&buffer[..read]);
            if let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
                return String::from_utf8_lossy(&answer[..end]).into_owned();
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{path}: no answer to an oversized body"));
    answered.store(true, Ordering::Relaxed);
    let written = written.load(Ordering::Relaxed);
    // Writing stops with the answer, or fails once the server closes the connection.
    let _ = sender.await;
    let status = head.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    Sent { status, head, written }
}

fn assert_refused(sent: &Sent, what: &str) {
    assert_eq!(sent.status, 413, "{what}: {}", sent.head);
    assert!(sent.written < MOST_WRITTEN, "{what}: {} bytes were read before the answer", sent.written);
}

#[tokio::test]
async fn every_kind_of_endpoint_answers_a_streamed_gigabyte_with_413_and_stops_reading() {
    let portal = spawn().await;
    portal.register("big@example.org", "carer").await;
    let signed_in = portal.client.get(portal.at("/home")).send().await.unwrap();
    assert!(signed_in.status().is_success());
    let response = portal.sign_in("big@example.org", "a long enough password").await;
    let cookie = session_cookie(&response).expect("a session cookie");

    let form = [
        ("Cookie", cookie.clone()),
        ("Content-Type", "application/x-www-form-urlencoded".to_owned()),
        ("Accept", "text/html".to_owned()),
        ("Referer", portal.at("/contact")),
    ];
    let json = [
        ("Cookie", cookie.clone()),
        ("Content-Type", "application/x-www-form-urlencoded".to_owned()),
        ("Accept", "application/json".to_owned()),
    ];
    let multipart = [
        ("Cookie", cookie.clone()),
        ("Content-Type", "multipart/form-data; boundary=xyz".to_owned()),
        ("Referer", portal.at("/plan")),
    ];
    let plain = [("Cookie", cookie.clone())];
    let cases: [(&str, &str, &str, Headers); 5] = [
        ("a form posted without JavaScript", "POST", "/api/contact", &form),
        ("a server function called by the script", "POST", "/api/assessment/save", &json),
        ("a signed-out form", "POST", "/api/account/sign-in", &form[1..]),
        ("a plain route", "GET", "/plan/files/1/full", &plain),
        ("a page", "GET", "/home", &plain),
    ];
    for (what, method, path, headers) in cases {
        for framing in [Framing::Declared, Framing::Chunked] {
            let sent = stream_gigabyte(&portal, method, path, headers, framing).await;
            assert_refused(&sent, &format!("{what} ({method} {path}, {framing:?})"));
        }
    }
    // The plan's upload form explains a refusal next to the file field (with the rest of the
    // form as typed when the body was read up to the limit), and stops reading there too.
    let video = b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n";
    for framing in [Framing::Declared, Framing::Chunked] {
        let sent = stream_after(&portal, "POST", "/plan/upload", &multipart, framing, video).await;
        assert!(sent.head.starts_with("HTTP/1.1 303"), "{framing:?}: {}", sent.head);
        assert!(sent.head.contains("location: /plan#upload"), "{framing:?}: {}", sent.head);
        assert!(sent.written < MOST_WRITTEN, "{framing:?}: {} bytes were read before the answer", sent.written);
        let page = portal.page("/plan").await;
        assert!(page.contains("The file must be smaller than 50 MB"), "{framing:?}");
    }
    // A body that never names its boundary is refused at its first megabyte, not searched to the
    // limit (it is answered as any form cut off).
    let sent = stream_gigabyte(&portal, "POST", "/plan/upload", &multipart, Framing::Chunked).await;
    assert_eq!(sent.status, 303, "{}", sent.head);
    assert!(sent.written < MOST_WRITTEN, "{} bytes were read before the answer", sent.written);
    // The script gets the wire error; a browser a plain page.
    let answer = portal
        .client
        .post(portal.at("/api/contact"))
        .header("Origin", &portal.url)
        .header("Accept", "application/json")
        .form(&[("message", "a".repeat(300 * 1024))])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 413);
    assert_eq!(answer.json::<app::error::AppError>().await.unwrap(), app::error::AppError::TooLarge);
    let answer = portal.post_form("/api/contact", "/contact", &[("message", &"a".repeat(300 * 1024))]).await;
    assert_eq!(answer.status(), 413);
    let page = answer.text().await.unwrap();
    assert!(page.contains("What you sent is too large"), "{page}");
    // Nothing was kept of any of it, and the portal still serves.
    let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM contact_messages").fetch_one(&portal.db).await.unwrap();
    assert_eq!(count.0, 0);
    assert!(portal.client.get(portal.at("/healthz")).send().await.unwrap().status().is_success());
}
