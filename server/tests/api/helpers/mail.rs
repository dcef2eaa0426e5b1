//! What the portal emailed: the `.eml` files its outbox mailer writes, oldest first.
use super::TestPortal;

impl TestPortal {
    /// Every email sent to `address`, oldest first.
    pub fn emails_to(&self, address: &str) -> Vec<String> {
        let Ok(files) = std::fs::read_dir(self.data.path().join("outbox")) else { return Vec::new() };
        let mut mails: Vec<_> = files.map(|e| e.unwrap().path()).collect();
        mails.sort();
        let to = format!("To: {}", address.to_lowercase());
        mails.into_iter().map(|p| std::fs::read_to_string(p).unwrap()).filter(|m| m.contains(&to)).collect()
    }

    /// The portal's own address (path and query) of the newest link in an email to `address`
    /// that begins with `path`.
    pub fn emailed_link(&self, address: &str, path: &str) -> String {
        let mails = self.emails_to(address);
        let link = mails.iter().rev().find_map(|mail| link_in(mail, path));
        link.unwrap_or_else(|| panic!("no email to {address} with a link to {path}: {mails:?}"))
    }

    /// Opens the link that finishes a registration, emailed to `address`, in `client`, and
    /// presses its button: the client is then signed in as the new account.
    pub async fn confirm_registration(&self, client: &reqwest::Client, address: &str) -> reqwest::Response {
        let link = self.emailed_link(address, "/register/confirm/");
        let (path, query) = link.split_once('?').unwrap_or((&link, ""));
        let code = path.trim_start_matches("/register/confirm/");
        let next = query.strip_prefix("next=").unwrap_or_default();
        let fields = [("code", code), ("next", next)];
        self.form_post(client, "/api/account/confirm-registration", &link).form(&fields).send().await.unwrap()
    }
}

/// The first link in `mail` to a path beginning with `path`, without the site's address.
pub fn link_in(mail: &str, path: &str) -> Option<String> {
    let start = mail.find(path)?;
    Some(mail[start..].split_whitespace().next()?.to_owned())
}
