//! The normalised form under which every list entry is stored and looked up. Shared with the build
//! script (`build/gazetteer.rs`), so the tables and the lookups can never disagree.

/// The key of a name: lower-cased, curly apostrophes straightened, dots kept, runs of whitespace made
/// one space: "U.S." → "u.s.", "Bank of  England" → "bank of england".
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    each_key_char(name, |c| {
        out.push(c);
        true
    });
    out
}

/// Calls `f` with the key of `name`, built on the stack when it is short (lookups are many and
/// names short, so most lookups allocate nothing).
#[allow(dead_code)] // the build script shares this file but only needs `key`
pub fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 96];
    let mut len = 0;
    let fits = each_key_char(name, |c| {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return false;
        }
        c.encode_utf8(&mut buf[len..len + n]);
        len += n;
        true
    });
    match std::str::from_utf8(&buf[..len]) {
        // whole characters were written, so this is valid UTF-8
        Ok(k) if fits => f(k),
        _ => f(&key(name)),
    }
}

/// Feeds the characters of the key of `name` to `push` until it returns false; whether all went.
fn each_key_char(name: &str, mut push: impl FnMut(char) -> bool) -> bool {
    let mut space = false;
    let mut started = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && started && !push(' ') {
            return false;
        }
        space = false;
        started = true;
        let ok = match c {
            '’' | '‘' | 'ʼ' => push('\''),
            c if c.is_ascii() => push(c.to_ascii_lowercase()),
            c => c.to_lowercase().all(&mut push),
        };
        if !ok {
            return false;
        }
    }
    true
}
