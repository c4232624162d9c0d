//! Receives a Klarna webhook over HTTP: verify the signature, parse by
//! `metadata.event_type`, skip repeated events, acknowledge.
//!
//! The handler is a plain function of headers and raw body, so it fits any
//! HTTP server; here a tiny std-only server receives one delivery that the
//! example itself signs and sends.
//!
//! ```sh
//! cargo run -p klarna-generated --example receive_webhook
//! ```

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use base64::Engine;
use hmac::{Hmac, Mac};
use klarna_generated::management::Webhook;
use klarna_generated::runtime::SigningKeys;

/// Handles one delivery; the status to answer with.
fn handle(keys: &SigningKeys, seen: &mut HashSet<String>, headers: &[(String, String)], body: &[u8]) -> u16 {
    let pairs = headers.iter().map(|(name, value)| (name, value));
    let delivery = match Webhook::receive(keys, pairs, body) {
        Ok(delivery) => delivery,
        Err(error) => {
            eprintln!("refused: {error}");
            return 400;
        }
    };
    // Klarna retries until acknowledged (up to 12 hours): act once per event.
    if let Some(id) = &delivery.event_id {
        if !seen.insert(id.clone()) {
            return 200;
        }
    }
    match delivery.webhook {
        Webhook::PaymentProductDisabled(hook) => {
            println!("payments disabled for {:?}", hook.metadata.subject_account_id)
        }
        Webhook::AccountStateChanged(hook) => println!("account state changed: {:?}", hook.payload),
        other => println!("other event {:?}: {other:?}", delivery.event_type),
    }
    200
}

/// Header names and values, as received.
type Headers = Vec<(String, String)>;

/// Reads one HTTP/1.1 request: its headers and `Content-Length` bytes of body.
fn read_request(stream: &mut TcpStream) -> std::io::Result<(Headers, Vec<u8>)> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?; // request line
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let Some((name, value)) = line.trim_end().split_once(':') else { break };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-length")).map_or(0, |(_, v)| {
        v.parse::<usize>().unwrap_or(0).min(1 << 20) // bounded: webhooks are small
    });
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((headers, body))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The signing keys you created with `createSigningKey`, by id.
    let keys = SigningKeys::new().with_key("key-1", "partner-signing-key-1");
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;

    let body = br#"{"metadata":{"event_type":"partner.account.product.payment.state-change.disabled","event_id":"evt-42","subject_account_id":"krn:partner:global:account:live:LWT2XJSE"},"payload":{}}"#;
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"partner-signing-key-1")?;
    mac.update(body);
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let sender = std::thread::spawn(move || -> std::io::Result<String> {
        let mut answers = String::new();
        for _ in 0..2 {
            // The second delivery repeats the first, as Klarna's retries do.
            let mut stream = TcpStream::connect(address)?;
            write!(
                stream,
                "POST /webhooks HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
                 Klarna-Signing-Key-Id: key-1\r\nKlarna-Signature: {signature}\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )?;
            stream.write_all(body)?;
            stream.read_to_string(&mut answers)?;
        }
        Ok(answers)
    });

    let mut seen = HashSet::new();
    for _ in 0..2 {
        let (mut stream, _) = listener.accept()?;
        let (headers, body) = read_request(&mut stream)?;
        let status = handle(&keys, &mut seen, &headers, &body);
        let reason = if status == 200 { "OK" } else { "Bad Request" };
        write!(stream, "HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")?;
    }
    let answers = sender.join().expect("sender thread")?;
    assert_eq!(answers.matches("HTTP/1.1 200").count(), 2, "{answers}");
    println!("both deliveries acknowledged; the repeat was skipped");
    Ok(())
}
