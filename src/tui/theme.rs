//! Styles. Every highlight is carried by a modifier (reverse, bold, underline), so
//! it shows without colour; colour is added on top unless `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use super::wrap::Mark;

/// The styles of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` is set: only modifiers, no colours at all.
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    pub const COLOR: Theme = Theme { color: true };
    pub const NO_COLOR: Theme = Theme { color: false };

    fn fg(self, s: Style, c: Color) -> Style {
        if self.color {
            s.fg(c)
        } else {
            s
        }
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text: counts, file names, hints.
    pub fn muted(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Headings inside panes.
    pub fn heading(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A mark in text, by strength.
    pub fn mark(self, m: Mark) -> Style {
        match m {
            Mark::Entity => self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::LightCyan),
            Mark::Figure => self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::LightYellow),
            Mark::Selected => self.fg(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD), Color::Yellow),
            Mark::Current => self.fg(
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                Color::LightMagenta,
            ),
        }
    }

    /// The selected row of a list: reversed in the focused pane, bold elsewhere.
    pub fn row(self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD), Color::LightBlue)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The border of a pane.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::BOLD), Color::LightBlue)
        } else {
            self.muted().remove_modifier(Modifier::DIM)
        }
    }

    /// A pane's title.
    pub fn title(self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED), Color::LightBlue)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Where documents disagree.
    pub fn differs(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::LightRed)
    }

    /// The status bar.
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key name in hints and help.
    pub fn key(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::LightGreen)
    }

    /// A message that needs attention (skipped files).
    pub fn warning(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::LightRed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_uses_only_modifiers() {
        let t = Theme::NO_COLOR;
        for s in [
            t.mark(Mark::Entity),
            t.mark(Mark::Figure),
            t.mark(Mark::Selected),
            t.mark(Mark::Current),
            t.row(true),
            t.row(false),
            t.border(true),
            t.border(false),
            t.title(true),
            t.muted(),
            t.heading(),
            t.differs(),
            t.key(),
            t.warning(),
            t.status(),
        ] {
            assert_eq!(s.fg, None, "{s:?}");
            assert_eq!(s.bg, None, "{s:?}");
        }
        assert!(t.mark(Mark::Selected).add_modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        assert!(t.mark(Mark::Current).add_modifier.contains(Modifier::UNDERLINED));
    }
}
