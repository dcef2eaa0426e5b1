//! The words for the directory's categories.
use crate::domain::directory::Category;
use crate::kit::i18n::Locale;

pub fn category(locale: Locale, category: Category) -> &'static str {
    category.name(locale)
}
