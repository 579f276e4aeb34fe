//! Styles. Every highlight is carried by a modifier (reverse, bold, underline), so
//! it shows without colour; colour is added on top unless `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use super::wrap::{Mark, Marks};

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

    /// A mark in text.
    pub fn mark(self, m: Mark) -> Style {
        match m {
            Mark::Entity => self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::LightCyan),
            Mark::Figure => self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::LightYellow),
            Mark::Selected => self.fg(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD), Color::Yellow),
            Mark::Current => self.fg(
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                Color::LightMagenta,
            ),
            Mark::Note => self.fg(Style::new().add_modifier(Modifier::ITALIC), Color::LightGreen),
            Mark::Visual => {
                if self.color {
                    Style::new().fg(Color::Black).bg(Color::LightBlue)
                } else {
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC)
                }
            }
            Mark::Find => {
                let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                if self.color {
                    s.fg(Color::Black).bg(Color::LightGreen)
                } else {
                    s
                }
            }
            Mark::FindCurrent => {
                let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                if self.color {
                    s.fg(Color::Black).bg(Color::LightRed)
                } else {
                    s.add_modifier(Modifier::REVERSED | Modifier::ITALIC)
                }
            }
            Mark::Removed => self.removed(),
            Mark::Added => self.added(),
        }
    }

    /// The style of a stretch of text carrying a set of marks: its level mark,
    /// the note mark on top, and a visual selection or find hit over both.
    pub fn marks(self, ms: Marks) -> Style {
        let mut s = ms.level().map_or_else(|| self.text(), |m| self.mark(m));
        if ms.has(Mark::Note) {
            s = s.patch(self.mark(Mark::Note));
        }
        for diff in [Mark::Removed, Mark::Added] {
            if ms.has(diff) {
                s = s.patch(self.mark(diff));
            }
        }
        for top in [Mark::Visual, Mark::Find, Mark::FindCurrent] {
            if ms.has(top) {
                // These carry their own background: drop the reverse below them.
                s = s.remove_modifier(Modifier::REVERSED).patch(self.mark(top));
            }
        }
        if ms.has(Mark::FindCurrent) && ms.has(Mark::Find) {
            s = s.patch(self.mark(Mark::FindCurrent));
        }
        s
    }

    /// Words a diff removes ("[-will not-]").
    pub fn removed(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::CROSSED_OUT), Color::LightRed)
    }

    /// Words a diff adds ("{+cannot+}").
    pub fn added(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED), Color::LightGreen)
    }

    /// The letters of a search result that the query matched.
    pub fn matched(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED), Color::LightYellow)
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
            t.mark(Mark::Note),
            t.mark(Mark::Visual),
            t.mark(Mark::Find),
            t.mark(Mark::FindCurrent),
            t.marks(Marks::of(Mark::Selected).with(Mark::Note).with(Mark::Find)),
            t.removed(),
            t.added(),
            t.matched(),
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
        // Find hits, the current one, notes, the visual selection and diffs differ
        // from each other and from mentions by modifiers alone.
        let looks: Vec<Modifier> = [
            t.mark(Mark::Entity),
            t.mark(Mark::Selected),
            t.mark(Mark::Current),
            t.mark(Mark::Note),
            t.mark(Mark::Visual),
            t.mark(Mark::Find),
            t.mark(Mark::FindCurrent),
        ]
        .iter()
        .map(|s| s.add_modifier)
        .collect();
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_ne!(t.removed().add_modifier, t.added().add_modifier);
    }

    #[test]
    fn a_find_hit_over_a_selected_mention_shows_the_hit() {
        let t = Theme::COLOR;
        let s = t.marks(Marks::of(Mark::Selected).with(Mark::Find));
        assert_eq!(s.bg, Some(Color::LightGreen));
        assert!(!s.add_modifier.contains(Modifier::REVERSED));
        assert!(s.add_modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
        let n = t.marks(Marks::of(Mark::Entity).with(Mark::Note));
        assert!(n.add_modifier.contains(Modifier::ITALIC | Modifier::UNDERLINED));
    }
}
