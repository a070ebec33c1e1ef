//! Where and when verify's runs go. Most runs keep a core busy: an
//! interpreter starting, checks computing. A few katas' checks wait on
//! purpose (sleeps that stand for downloads, deadlines, timeouts); run on
//! the same workers as everything else, their waits left the cores idle for
//! a third of `verify`.
//!
//! So each group of runs (a kata's) is measured as it goes: once its
//! finished runs have spent less than a third of their time on the CPU, its
//! remaining runs go to extra workers (as many as there are busy ones, by
//! default), and their waits overlap with other runs. The extra workers take
//! nothing else, so no more runs compute side by side than before; the
//! waiting ones add at most a third of a core each (about a tenth, in the
//! built-in course).
//!
//! The first run of every group goes first, so each kata is measured early
//! and its waits can overlap with the rest of the course, not only with its
//! own tail.

use super::Workers;
use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// When a group's runs count as waiting.
#[derive(Debug, Clone, Copy)]
pub(super) struct Waiting {
    /// Below this share of their time on the CPU,
    share: f64,
    /// and waiting this long each, on average.
    at_least: Duration,
}

/// A run that computes all along still gets a third of a core with three
/// runnable processes per core (the busy workers, the waiting runs and two
/// busy loops, as CI loads the machine), so it is not taken for one that
/// waits. And a short run's CPU time reads low: it is counted in whole
/// clock ticks (10 ms on most systems), so a 20 ms run may read 10 ms.
/// Waits shorter than a quarter of a second are not worth moving anyway.
pub(super) const WAITING: Waiting = Waiting {
    share: 1.0 / 3.0,
    at_least: Duration::from_millis(250),
};

/// What one job's runs cost, as far as it is known.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cost {
    /// CPU time of the runs the job made; `None` where one's could not be
    /// read.
    pub(super) cpu: Option<Duration>,
}

impl Cost {
    /// The cost of a job before its first run.
    pub(super) fn none_yet() -> Cost {
        Cost {
            cpu: Some(Duration::ZERO),
        }
    }

    /// Counts one more run that used `cpu_ms` of CPU, where known.
    pub(super) fn add_run(&mut self, cpu_ms: Option<u64>) {
        self.cpu = self
            .cpu
            .zip(cpu_ms)
            .map(|(so_far, ms)| so_far + Duration::from_millis(ms));
    }
}

/// What is known of a group's runs so far.
#[derive(Debug, Default, Clone, Copy)]
struct Measured {
    wall: Duration,
    cpu: Duration,
    /// A finished run's CPU time could not be read: the group is never
    /// taken for one that waits.
    cpu_unknown: bool,
    runs: usize,
}

impl Measured {
    fn waits(&self, rule: Waiting) -> bool {
        let Ok(runs) = u32::try_from(self.runs) else {
            return false;
        };
        runs > 0
            && !self.cpu_unknown
            && self.cpu.as_secs_f64() < self.wall.as_secs_f64() * rule.share
            && self.wall.saturating_sub(self.cpu) / runs >= rule.at_least
    }

    fn mean_wall(&self) -> Duration {
        self.wall / u32::try_from(self.runs.max(1)).unwrap_or(u32::MAX)
    }
}

/// Which kind of worker takes a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Worker {
    /// Takes every job, those of waiting groups only when nothing else is left.
    Busy,
    /// Takes only jobs of groups measured to wait.
    Waiting,
}

struct State {
    rule: Waiting,
    /// The group of each job (see [`run_all`]).
    groups: Vec<Option<String>>,
    /// Indices of the jobs not yet started, first runs of groups first.
    pending: VecDeque<usize>,
    measured: HashMap<String, Measured>,
}

impl State {
    /// How long the runs of `job`'s group take, if they are measured to
    /// wait.
    fn waiting_mean(&self, job: usize) -> Option<Duration> {
        let measured = self.measured.get(self.groups[job].as_ref()?)?;
        measured.waits(self.rule).then(|| measured.mean_wall())
    }

    /// The next job for this worker: a busy worker takes the first that
    /// does not wait, else a waiting one; a waiting worker takes the job of
    /// the waiting group whose runs take longest (the first of equals), so
    /// the longest waits start first and do not trail at the end.
    fn take(&mut self, worker: Worker) -> Option<usize> {
        let longest_waiting = || {
            self.pending
                .iter()
                .enumerate()
                .filter_map(|(at, &job)| Some((at, self.waiting_mean(job)?)))
                .min_by_key(|&(at, mean)| (std::cmp::Reverse(mean), at))
                .map(|(at, _)| at)
        };
        let at = match worker {
            Worker::Busy => self
                .pending
                .iter()
                .position(|&job| self.waiting_mean(job).is_none())
                .or_else(longest_waiting),
            Worker::Waiting => longest_waiting(),
        }?;
        self.pending.remove(at)
    }
}

/// Runs `run` on every job with `workers.computing` busy workers and
/// `workers.waiting` waiting ones, and returns the results in the jobs'
/// order. `group` names the group a job's cost is counted in (`None`: a
/// group of its own), and `rule` says when a group's runs wait.
pub(super) fn run_all<J: Sync, R: Send>(
    jobs: &[J],
    group: impl Fn(&J) -> Option<String> + Sync,
    workers: Workers,
    rule: Waiting,
    run: impl Fn(&J) -> (R, Cost) + Sync,
) -> Vec<R> {
    let groups: Vec<Option<String>> = jobs.iter().map(group).collect();
    let mut seen = std::collections::HashSet::new();
    let (first, rest): (Vec<usize>, Vec<usize>) =
        (0..jobs.len()).partition(|&i| groups[i].as_ref().is_none_or(|g| seen.insert(g)));
    let state = Mutex::new(State {
        rule,
        pending: first.into_iter().chain(rest).collect(),
        groups,
        measured: HashMap::new(),
    });
    let changed = Condvar::new();
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let work = |worker: Worker| loop {
        let mut guard = state.lock().unwrap_or_else(|e| e.into_inner());
        let index = loop {
            if let Some(i) = guard.take(worker) {
                break Some(i);
            }
            // A busy worker takes any job, so it found none left. A
            // waiting one waits for a run to end and mark a group as
            // waiting, while there are jobs left to mark.
            if worker == Worker::Busy || guard.pending.is_empty() {
                break None;
            }
            guard = changed.wait(guard).unwrap_or_else(|e| e.into_inner());
        };
        drop(guard);
        let Some(index) = index else {
            changed.notify_all();
            return;
        };
        let started = Instant::now();
        let (result, cost) = run(&jobs[index]);
        let wall = started.elapsed();
        results.lock().unwrap_or_else(|e| e.into_inner())[index] = Some(result);
        let mut guard = state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(group) = guard.groups[index].clone() {
            let m = guard.measured.entry(group).or_default();
            m.runs += 1;
            m.wall += wall;
            match cost.cpu {
                Some(cpu) => m.cpu += cpu,
                None => m.cpu_unknown = true,
            }
        }
        drop(guard);
        changed.notify_all();
    };
    std::thread::scope(|scope| {
        for _ in 0..workers.computing.max(1) {
            scope.spawn(|| work(Worker::Busy));
        }
        for _ in 0..workers.waiting {
            scope.spawn(|| work(Worker::Waiting));
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every job was run"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fake job: its group, and whether it waits (sleeps, using no CPU)
    /// or computes (reports its whole time as CPU).
    struct Job {
        group: &'static str,
        waits: bool,
    }

    struct Overlap {
        now: AtomicUsize,
        most: AtomicUsize,
    }

    impl Overlap {
        fn new() -> Overlap {
            Overlap {
                now: AtomicUsize::new(0),
                most: AtomicUsize::new(0),
            }
        }
        fn enter(&self) {
            let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
            self.most.fetch_max(now, Ordering::SeqCst);
        }
        fn leave(&self) {
            self.now.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// The rule scaled down to the fakes' 30 ms runs.
    const QUICK: Waiting = Waiting {
        share: 1.0 / 3.0,
        at_least: Duration::from_millis(20),
    };

    /// Runs the fakes; returns the results, and the most runs that were
    /// computing, and that were under way, at once.
    fn run_fakes(jobs: &[Job], workers: Workers, rule: Waiting) -> (Vec<usize>, usize, usize) {
        let computing = Overlap::new();
        let all = Overlap::new();
        let order = run_all(
            jobs,
            |j| Some(j.group.to_string()),
            workers,
            rule,
            |j| {
                all.enter();
                if !j.waits {
                    computing.enter();
                }
                std::thread::sleep(Duration::from_millis(30));
                if !j.waits {
                    computing.leave();
                }
                all.leave();
                let cpu = if j.waits {
                    Duration::ZERO
                } else {
                    Duration::from_millis(30)
                };
                (
                    jobs.iter().position(|x| std::ptr::eq(x, j)).unwrap(),
                    Cost { cpu: Some(cpu) },
                )
            },
        );
        (
            order,
            computing.most.load(Ordering::SeqCst),
            all.most.load(Ordering::SeqCst),
        )
    }

    fn one_and_one() -> Workers {
        Workers {
            computing: 1,
            waiting: 1,
        }
    }

    #[test]
    fn exactly_n_workers_run_exactly_n_jobs_at_a_time() {
        let jobs = course();
        let (_, _, all) = run_fakes(&jobs, Workers::exactly(1), QUICK);
        assert_eq!(all, 1);
    }

    fn course() -> Vec<Job> {
        let mut jobs = Vec::new();
        for (group, waits) in [("a", false), ("sleepy", true), ("b", false)] {
            for _ in 0..6 {
                jobs.push(Job { group, waits });
            }
        }
        jobs
    }

    #[test]
    fn waiting_runs_overlap_with_computing_ones_which_never_exceed_the_workers() {
        let jobs = course();
        let (order, computing, all) = run_fakes(&jobs, one_and_one(), QUICK);
        assert_eq!(
            order,
            (0..jobs.len()).collect::<Vec<_>>(),
            "results in job order"
        );
        assert_eq!(computing, 1, "one worker: one computing run at a time");
        assert!(
            all >= 2,
            "the sleepy kata's runs never overlapped with others"
        );
        let two = Workers {
            computing: 2,
            waiting: 2,
        };
        let (_, computing, _) = run_fakes(&jobs, two, QUICK);
        assert!(computing <= 2);
    }

    #[test]
    fn runs_that_wait_only_briefly_are_not_moved() {
        let jobs = course();
        let patient = Waiting {
            at_least: Duration::from_millis(100),
            ..QUICK
        };
        let (_, _, all) = run_fakes(&jobs, one_and_one(), patient);
        assert_eq!(all, 1, "30 ms waits were moved to the waiting worker");
    }

    #[test]
    fn runs_whose_cpu_time_is_unknown_are_never_moved() {
        let jobs = course();
        let all = Overlap::new();
        run_all(
            &jobs,
            |j| Some(j.group.to_string()),
            one_and_one(),
            QUICK,
            |_| {
                // Long enough a wait to be moved, were unknown taken for none.
                all.enter();
                std::thread::sleep(Duration::from_millis(30));
                all.leave();
                ((), Cost { cpu: None })
            },
        );
        assert_eq!(all.most.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn the_first_run_of_every_group_goes_first() {
        let jobs = course();
        let started = Mutex::new(Vec::new());
        run_all(
            &jobs,
            |j| Some(j.group.to_string()),
            one_and_one(),
            QUICK,
            |j| {
                started.lock().unwrap().push(j.group);
                ((), Cost { cpu: None })
            },
        );
        let started = started.into_inner().unwrap();
        assert_eq!(started[..3], ["a", "sleepy", "b"]);
    }
}
