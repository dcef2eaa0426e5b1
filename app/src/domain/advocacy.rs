//! Independent advocacy. Procedure 001: "an Independent Advocate must be offered" to a person
//! who would have substantial difficulty being involved, and the advocate "must also be given a
//! copy [of the plan], if the customer agrees to this". The practitioner records what became of
//! the offer, who the advocate is and what the person agrees to: the advocate can be invited to
//! read their records, and is sent the plan's copy when it is signed off.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::{AccountProblem, Registration};
use super::text::{person_name, BoundedText, EmailAddress, EmailProblem, NameProblem};
use super::Problem;
use crate::kit::i18n::{Locale, Text};

choices! {
    /// What became of the offer of an independent advocate.
    AdvocacyAnswer {
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
    }
}

impl AdvocacyAnswer {
    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            AdvocacyAnswer::Offered => Text::AdvocacyOffered,
            AdvocacyAnswer::Accepted => Text::AdvocacyAccepted,
            AdvocacyAnswer::Declined => Text::AdvocacyDeclined,
        })
    }
}

/// The advocate: their name, and where their copy of the plan and any invitation go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advocate {
    pub name: BoundedText,
    pub email: Option<EmailAddress>,
}

/// What a practitioner records about advocacy, parsed from their form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdvocacyChoice {
    pub answer: AdvocacyAnswer,
    /// Known once offered or accepted; never kept for someone who declined.
    pub advocate: Option<Advocate>,
    /// The person agrees the advocate is given a copy of their plan when it is signed off.
    pub copy_agreed: bool,
    /// Invite the advocate to read the person's records (as a helper who may view); the person
    /// agrees to it.
    pub invite: bool,
}

impl AdvocacyChoice {
    pub const NAME_MAX: usize = Registration::NAME_MAX;

    pub fn parse(
        answer: &str,
        name: &str,
        email: &str,
        copy: &str,
        invite: &str,
    ) -> Result<AdvocacyChoice, Vec<AdvocacyProblem>> {
        let mut problems = Vec::new();
        let answer = AdvocacyAnswer::parse(answer);
        if answer.is_none() {
            problems.push(AdvocacyProblem::AnswerMissing);
        }
        let name = match name.trim() {
            "" => None,
            given => person_name(given, Self::NAME_MAX).map_err(|p| problems.push(AdvocacyProblem::Name(p))).ok(),
        };
        let email = match email.trim() {
            "" => None,
            given => EmailAddress::parse(given).map_err(|p| problems.push(AdvocacyProblem::Email(p))).ok(),
        };
        let (copy_agreed, invite) = (copy == "yes", invite == "yes");
        match answer {
            Some(AdvocacyAnswer::Declined) if name.is_some() || email.is_some() => {
                problems.push(AdvocacyProblem::DeclinedWithAdvocate)
            }
            Some(AdvocacyAnswer::Accepted)
                if name.is_none() && !problems.iter().any(|p| p.field() == "advocate_name") =>
            {
                problems.push(AdvocacyProblem::NameNeeded)
            }
            _ => {}
        }
        // Both reach the advocate by email, and only an advocate the person accepted.
        if (copy_agreed || invite) && answer.is_some_and(|a| a != AdvocacyAnswer::Accepted) {
            problems.push(AdvocacyProblem::AgreementNeedsAcceptance);
        } else if (copy_agreed || invite) && email.is_none() && !problems.iter().any(|p| p.field() == "advocate_email")
        {
            problems.push(AdvocacyProblem::AgreementNeedsEmail);
        }
        match answer {
            Some(answer) if problems.is_empty() => {
                let advocate = name.map(|name| Advocate { name, email });
                Ok(AdvocacyChoice { answer, advocate, copy_agreed, invite })
            }
            _ => Err(problems),
        }
    }
}

/// Advocacy as recorded for a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvocacyRecord {
    pub answer: AdvocacyAnswer,
    pub advocate_name: Option<String>,
    pub advocate_email: Option<String>,
    pub copy_agreed: bool,
    /// The practitioner who recorded it (gone if their account was erased).
    pub recorded_by: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl AdvocacyRecord {
    /// Where the plan's copy goes when it is signed off: an accepted advocate, with an address
    /// mail can reach, when the person agrees.
    pub fn copy_to(&self) -> Option<(&str, &str)> {
        match (self.answer, &self.advocate_name, &self.advocate_email) {
            (AdvocacyAnswer::Accepted, Some(name), Some(email))
                if self.copy_agreed && EmailAddress::deliverable(email) =>
            {
                Some((name.as_str(), email.as_str()))
            }
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdvocacyProblem {
    AnswerMissing,
    Name(NameProblem),
    Email(EmailProblem),
    /// Accepted, but who the advocate is was not given.
    NameNeeded,
    /// Declined, with an advocate's details typed in.
    DeclinedWithAdvocate,
    /// A copy or an invitation for an advocate the person has not accepted.
    AgreementNeedsAcceptance,
    /// A copy or an invitation, with no address to send it to.
    AgreementNeedsEmail,
}

impl Problem for AdvocacyProblem {
    fn field(&self) -> String {
        match self {
            AdvocacyProblem::AnswerMissing => "answer",
            AdvocacyProblem::Name(_) | AdvocacyProblem::NameNeeded | AdvocacyProblem::DeclinedWithAdvocate => {
                "advocate_name"
            }
            AdvocacyProblem::Email(_) | AdvocacyProblem::AgreementNeedsEmail => "advocate_email",
            AdvocacyProblem::AgreementNeedsAcceptance => "copy",
        }
        .to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        let text = match self {
            AdvocacyProblem::Name(p) => return AccountProblem::Name(*p).message(locale),
            AdvocacyProblem::Email(p) => return AccountProblem::Email(*p).message(locale),
            AdvocacyProblem::AnswerMissing => Text::AdvocacyAnswerMissing,
            AdvocacyProblem::NameNeeded => Text::AdvocacyNameNeeded,
            AdvocacyProblem::DeclinedWithAdvocate => Text::AdvocacyDeclinedWithAdvocate,
            AdvocacyProblem::AgreementNeedsAcceptance => Text::AdvocacyAgreementNeedsAcceptance,
            AdvocacyProblem::AgreementNeedsEmail => Text::AdvocacyAgreementNeedsEmail,
        };
        locale.text(text).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(problems: Vec<AdvocacyProblem>) -> Vec<String> {
        problems.iter().map(|p| p.field()).collect()
    }

    #[test]
    fn an_accepted_advocate_has_a_name_and_may_be_invited_with_an_address() {
        let choice = AdvocacyChoice::parse("accepted", " Ola Advocate ", "ola@advocacy.example", "yes", "yes").unwrap();
        assert_eq!(choice.answer, AdvocacyAnswer::Accepted);
        assert_eq!(choice.advocate.as_ref().unwrap().name.as_str(), "Ola Advocate");
        assert!(choice.invite && choice.copy_agreed);
        assert_eq!(fields(AdvocacyChoice::parse("accepted", "", "", "", "").unwrap_err()), ["advocate_name"]);
        assert_eq!(fields(AdvocacyChoice::parse("accepted", "Ola", "", "yes", "").unwrap_err()), ["advocate_email"]);
        assert_eq!(
            fields(AdvocacyChoice::parse("accepted", "Ola", "not-an-address", "", "yes").unwrap_err()),
            ["advocate_email"]
        );
    }

    #[test]
    fn an_offer_needs_no_advocate_yet_and_a_refusal_keeps_none() {
        let offered = AdvocacyChoice::parse("offered", "", "", "", "").unwrap();
        assert_eq!((offered.answer, offered.advocate), (AdvocacyAnswer::Offered, None));
        assert_eq!(fields(AdvocacyChoice::parse("declined", "Ola", "", "", "").unwrap_err()), ["advocate_name"]);
        assert_eq!(
            fields(AdvocacyChoice::parse("offered", "Ola", "ola@advocacy.example", "", "yes").unwrap_err()),
            ["copy"]
        );
        assert_eq!(fields(AdvocacyChoice::parse("", "", "", "", "").unwrap_err()), ["answer"]);
        assert_eq!(
            fields(AdvocacyChoice::parse("maybe", "Ola\tEvil", "", "", "").unwrap_err()),
            ["answer", "advocate_name"]
        );
    }

    #[test]
    fn the_copy_goes_to_an_accepted_advocate_whose_address_mail_can_reach() {
        let record = |answer, email: &str| AdvocacyRecord {
            answer,
            advocate_name: Some("Ola".into()),
            advocate_email: Some(email.into()),
            copy_agreed: true,
            recorded_by: None,
            recorded_at: DateTime::<Utc>::UNIX_EPOCH,
        };
        assert_eq!(record(AdvocacyAnswer::Accepted, "ola@a.example").copy_to(), Some(("Ola", "ola@a.example")));
        assert_eq!(record(AdvocacyAnswer::Offered, "ola@a.example").copy_to(), None);
        assert_eq!(record(AdvocacyAnswer::Accepted, "erased-1@invalid").copy_to(), None);
        let not_agreed = AdvocacyRecord { copy_agreed: false, ..record(AdvocacyAnswer::Accepted, "ola@a.example") };
        assert_eq!(not_agreed.copy_to(), None, "only if the customer agrees");
    }
}
