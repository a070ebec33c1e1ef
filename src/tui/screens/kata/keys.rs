//! The kata screen's keys: scrolling, hints, the solution, the next kata.
use super::*;

impl App {
    pub(super) fn kata_view(&mut self) -> Option<&mut KataView> {
        match &mut self.screen {
            Screen::Kata(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn kata_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let page = view.page();
        let focus = view.focus;
        match key.code {
            // With the file pane focused, ←→ scroll it sideways.
            KeyCode::Left if focus == Pane::File => {
                view.file_hscroll = view.file_hscroll.saturating_sub(HSCROLL_STEP)
            }
            KeyCode::Right if focus == Pane::File => view.file_hscroll += HSCROLL_STEP,
            KeyCode::Esc | KeyCode::Left | KeyCode::Backspace => {
                if !view.cancel() {
                    self.back_to_map();
                } else {
                    self.info("run cancelled; r runs the checks again");
                }
            }
            KeyCode::Tab | KeyCode::BackTab => {
                view.focus = match view.focus {
                    Pane::File => Pane::Result,
                    Pane::Result => Pane::File,
                }
            }
            KeyCode::Down | KeyCode::Char('j') => view.scroll(focus, 1),
            KeyCode::Up | KeyCode::Char('k') => view.scroll(focus, -1),
            KeyCode::PageDown | KeyCode::Char(' ') => view.scroll(focus, page),
            KeyCode::PageUp => view.scroll(focus, -page),
            KeyCode::Home | KeyCode::Char('g') => view.scroll(focus, isize::MIN / 2),
            KeyCode::End | KeyCode::Char('G') => view.scroll(focus, isize::MAX / 2),
            KeyCode::Char('t') => view.task_expanded = !view.task_expanded,
            KeyCode::Char('e') => {
                // At the line the verdict blames, if there is one.
                let line = view.blamed_line();
                return match view.path.clone() {
                    Some(p) => vec![Effect::Edit(p, line)],
                    None => {
                        self.error("there is no workspace, so there is no file to edit");
                        Vec::new()
                    }
                };
            }
            KeyCode::Char('r') | KeyCode::Enter => return self.start_check(true),
            KeyCode::Char('h') => self.show_hint(),
            KeyCode::Char('s') => self.toggle_solution(),
            KeyCode::Char('n') => self.next_kata(),
            _ => {}
        }
        Vec::new()
    }

    /// `h`: every hint seen so far and the next one (counted), so the
    /// ones already shown can be read again; after a pass, every hint and
    /// none counted (as `pykata hint` does).
    fn show_hint(&mut self) {
        let (Some(ws), Screen::Kata(view)) = (&self.ws, &mut self.screen) else {
            return;
        };
        let Some(kata) = self
            .course
            .topics
            .get(view.topic)
            .and_then(|t| t.katas.get(view.index))
        else {
            return;
        };
        let total = kata.hints.len();
        let (_, passed, set_aside) = session::hints_seen(ws, kata);
        let mut warning = set_aside;
        if total == 0 {
            self.info("this kata has no hints: read the task again, then the lesson");
        } else if passed || view.done {
            view.all_hints = true;
            view.result_scroll = 0;
            view.focus = Pane::Result;
            view.invalidate();
            self.info("you passed this kata: every hint is shown, and none is counted");
        } else {
            let next = session::next_hint(ws, kata);
            if let Some((shown, total)) = next.hint {
                let was = view.hints_shown;
                view.hints_shown = shown;
                view.result_scroll = 0;
                view.focus = Pane::Result;
                view.invalidate();
                if was == shown {
                    self.info(format!(
                        "that was the last hint ({shown} of {total}); all of them are above"
                    ));
                }
            }
            warning = warning.or(next.warning);
        }
        // After the hint, the progress file's trouble, if any.
        if let Some(w) = warning {
            self.warn(w);
        }
        self.reload_progress();
    }

    /// `s`: the reference solution, shown or hidden once the kata is
    /// passed, here or in another terminal (`pykata check`).
    fn toggle_solution(&mut self) {
        self.reload_progress();
        let hl = self.hl.clone();
        let theme = self.theme;
        let Screen::Kata(view) = &mut self.screen else {
            return;
        };
        let passed = self.progress.kata(&view.kata_id).state == KataState::Done;
        if !view.done && passed {
            // Passed since this screen opened: open it now.
            view.done = true;
            view.show_solution = false;
        }
        if !view.done {
            self.info("the reference solution opens once you pass this kata");
            return;
        }
        if view.solution.is_none() {
            view.solution = Some(Highlighted::new(&view.solution_src, hl.as_deref(), &theme));
        }
        view.show_solution = !view.show_solution;
        view.invalidate();
    }

    fn next_kata(&mut self) {
        let Screen::Kata(view) = &self.screen else {
            return;
        };
        let (t, i) = (view.topic, view.index);
        let order: Vec<(usize, usize)> = self
            .course
            .topics
            .iter()
            .enumerate()
            .flat_map(|(t, topic)| (0..topic.katas.len()).map(move |i| (t, i)))
            .collect();
        let pos = order.iter().position(|p| *p == (t, i)).unwrap_or(0);
        match order.get(pos + 1) {
            Some(&(nt, ni)) => {
                if let Screen::Kata(v) = &mut self.screen {
                    v.cancel();
                }
                self.reload_progress();
                self.open_kata(nt, ni);
            }
            None => {
                self.back_to_map();
                self.info("that was the last kata of the course");
            }
        }
    }
}
