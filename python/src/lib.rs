//! The native half of the `news_analyze` Python package: the analyzer library behind a few
//! functions that take and return JSON text. The Python half (`news_analyze/__init__.py`) turns
//! that text into dicts with the standard `json` module, so the dicts hold exactly the keys, order
//! and values of the CLI's reports. Work on a batch runs with the GIL released, on a thread pool
//! of its own.

use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use analyze::{Analyzer, Decoded, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

create_exception!(
    _native,
    AnalyzeError,
    PyValueError,
    "An input that cannot be analysed (the message is the command line's)."
);

/// One record's report as compact JSON, as `analyze --input-format jsonl` prints it (no newline):
/// of a text, or of an HTML page (`html`).
fn report(analyzer: &mut Analyzer, text: String, id: &str, html: bool) -> PyResult<String> {
    let id: serde_json::Value =
        serde_json::from_str(id).map_err(|e| AnalyzeError::new_err(format!("bad id: {e}")))?;
    let input = if html {
        Decoded::from_html(text)
    } else {
        Decoded::from_text(text)
    };
    let report = analyzer.analyze_decoded(&input, id);
    serde_json::to_string(&report).map_err(|e| AnalyzeError::new_err(e.to_string()))
}

/// `analyze_json(text, id_json, fingerprints, html)`: one report as JSON text, of a text or (`html`)
/// of an HTML page.
#[pyfunction]
#[pyo3(signature = (text, id_json, fingerprints, html = false))]
fn analyze_json(
    py: Python<'_>,
    text: String,
    id_json: &str,
    fingerprints: bool,
    html: bool,
) -> PyResult<String> {
    let options = Options {
        cross_article: false,
        fingerprints,
    };
    let id = id_json.to_string();
    py.allow_threads(move || report(&mut Analyzer::new(options), text, &id, html))
}

/// The JSON Schema of an output line, as `analyze --schema` prints it.
#[pyfunction]
fn schema_json() -> String {
    analyze::report::schema().to_string()
}

/// The most threads a runner starts, as the command line's `--threads`.
const MAX_THREADS: usize = 128;

/// How often a wait for a batch looks for a signal (Ctrl-C) to raise.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Analyses batches of records on its own threads, in input order. With `cross_article` records
/// are analysed one after another, each compared with all before it (across batches), as the CLI does.
/// A batch is started, then waited for: the caller turns the previous batch's JSON into objects while
/// the next one is analysed.
#[pyclass]
struct Runner {
    pool: rayon::ThreadPool,
    options: Options,
    /// The analyzer that remembers earlier articles (cross-article only).
    cross: Option<Arc<Mutex<Analyzer>>>,
}

/// A batch being analysed.
#[pyclass]
struct Pending {
    done: Mutex<Option<Receiver<PyResult<Vec<String>>>>>,
}

#[pymethods]
impl Runner {
    #[new]
    fn new(threads: usize, cross_article: bool, fingerprints: bool) -> PyResult<Runner> {
        let pool = rayon::ThreadPoolBuilder::new()
            // at most one thread per record in flight, as the command line (`--threads`)
            .num_threads(threads.min(MAX_THREADS))
            .build()
            .map_err(|e| AnalyzeError::new_err(e.to_string()))?;
        let options = Options {
            cross_article,
            fingerprints,
        };
        Ok(Runner {
            pool,
            options,
            cross: cross_article.then(|| Arc::new(Mutex::new(Analyzer::new(options)))),
        })
    }

    /// Starts analysing `texts` (with their ids as JSON text, and whether each is an HTML page);
    /// batches started one after another are analysed in that order.
    #[pyo3(signature = (texts, ids, html = None))]
    fn start(
        &self,
        texts: Vec<String>,
        ids: Vec<String>,
        html: Option<Vec<bool>>,
    ) -> PyResult<Pending> {
        let html = html.unwrap_or_else(|| vec![false; texts.len()]);
        if texts.len() != ids.len() || texts.len() != html.len() {
            return Err(AnalyzeError::new_err("as many ids as texts are needed"));
        }
        let (send, done) = sync_channel(1);
        let options = self.options;
        let cross = self.cross.clone();
        self.pool.spawn(move || {
            let reports = match cross {
                Some(analyzer) => match analyzer.lock() {
                    Ok(mut analyzer) => texts
                        .into_iter()
                        .zip(&ids)
                        .zip(&html)
                        .map(|((t, id), &h)| report(&mut analyzer, t, id, h))
                        .collect(),
                    Err(_) => Err(AnalyzeError::new_err("an earlier batch failed")),
                },
                None => texts
                    .into_par_iter()
                    .zip(ids.par_iter())
                    .zip(html.par_iter())
                    .map(|((t, id), &h)| report(&mut Analyzer::new(options), t, id, h))
                    .collect(),
            };
            let _ = send.send(reports);
        });
        Ok(Pending {
            done: Mutex::new(Some(done)),
        })
    }
}

#[pymethods]
impl Pending {
    /// The batch's reports as JSON text, in order, once they are done (the GIL released meanwhile).
    fn wait(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let done = self
            .done
            .lock()
            .ok()
            .and_then(|mut d| d.take())
            .ok_or_else(|| AnalyzeError::new_err("this batch was already collected"))?;
        let mut done = done;
        loop {
            // the receiver goes into the wait and comes back (it is not `Sync`)
            let (got, back) = py.allow_threads(move || (done.recv_timeout(SIGNAL_CHECK), done));
            done = back;
            match got {
                Ok(reports) => return reports,
                // Ctrl-C raises KeyboardInterrupt here, not after the batch
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(AnalyzeError::new_err("the analysis stopped"));
                }
            }
        }
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_class::<Runner>()?;
    m.add_class::<Pending>()?;
    m.add("AnalyzeError", m.py().get_type::<AnalyzeError>())?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("NOTICES", analyze::NOTICES)?;
    Ok(())
}
