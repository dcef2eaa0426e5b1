//! The words for the directory's categories.
use crate::domain::directory::Category;
use crate::kit::i18n::{Locale, Text};

pub fn category(locale: Locale, category: Category) -> &'static str {
    locale.text(match category {
        Category::CarersSupport => Text::DirectoryCategoriesCarersSupport,
        Category::Emergency => Text::DirectoryCategoriesEmergency,
        Category::EmployeeCarers => Text::DirectoryCategoriesEmployeeCarers,
        Category::Advocacy => Text::DirectoryCategoriesAdvocacy,
        Category::Complaints => Text::DirectoryCategoriesComplaints,
        Category::Breaks => Text::DirectoryCategoriesBreaks,
        Category::Money => Text::DirectoryCategoriesMoney,
        Category::Health => Text::DirectoryCategoriesHealth,
        Category::Community => Text::DirectoryCategoriesCommunity,
    })
}
