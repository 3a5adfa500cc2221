//! The layering of `checker/src` stays true: no cycle among its top-level modules (a
//! file `x.rs` or a folder `x/`). Every `crate::<module>` path of the non-test code is an
//! edge; a cycle fails the test, named module by module, with where each edge is written.
//! ARCHITECTURE.md draws the layers. Below the checker, the lesson crate
//! (`checker/lesson`) and the runtime are crates of their own, so the compiler keeps
//! them below: a crate cannot use the one that depends on it.

use crate::support::repo_root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under a folder (or the file itself).
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            files.extend(rust_files(&path));
        }
    }
    files.sort();
    files
}

/// The code of a file without its comments and its unit tests (a `#[cfg(test)]` module
/// at the end of the file, as the crate writes them).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(tests) => &text[..tests],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names after `crate::` in code: `crate::a::b` gives `a`, `crate::{a, b::c}` gives
/// `a` and `b`.
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        // `crate::` inside a longer name (`cnnlings_crate::`) is not this crate.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(group.split(',').map(|p| ident(p.trim())));
            }
            None => names.push(ident(rest)),
        }
    }
    names
}

/// The graph: each top-level module's dependencies on the others, each with the first
/// file that writes it.
fn graph(src: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let modules: BTreeSet<String> = std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "main")
        .collect();
    let mut graph = BTreeMap::new();
    for module in &modules {
        let path = match src.join(format!("{module}.rs")) {
            file if file.is_file() => file,
            _ => src.join(module),
        };
        let mut edges = BTreeMap::new();
        for file in rust_files(&path) {
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            let shown = file.strip_prefix(src).unwrap().display().to_string();
            for name in crate_paths(&code) {
                if modules.contains(&name) && &name != module {
                    edges.entry(name).or_insert_with(|| shown.clone());
                }
            }
        }
        graph.insert(module.clone(), edges);
    }
    graph
}

/// A cycle through `start`, if there is one: the modules in order, back to `start`.
fn cycle_through(
    graph: &BTreeMap<String, BTreeMap<String, String>>,
    start: &str,
) -> Option<Vec<String>> {
    // Breadth first, so the cycle named is a shortest one.
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(module) = queue.pop_front() {
        for next in graph[module].keys() {
            if next == start {
                let mut cycle = vec![start.to_string()];
                let mut at = module;
                while at != start {
                    cycle.push(at.to_string());
                    at = came_from[at];
                }
                cycle.push(start.to_string());
                cycle.reverse();
                return Some(cycle);
            }
            if !came_from.contains_key(next.as_str()) {
                came_from.insert(next, module);
                queue.push_back(next);
            }
        }
    }
    None
}

#[test]
fn the_checker_s_top_level_modules_form_no_cycle() {
    let src = repo_root().join("checker/src");
    let graph = graph(&src);
    assert!(graph.len() > 10, "checker/src read: {:?}", graph.keys());
    let mut cycles = Vec::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    for module in graph.keys() {
        if named.contains(module) {
            continue;
        }
        if let Some(cycle) = cycle_through(&graph, module) {
            named.extend(cycle.iter().cloned());
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("  {} → {}  ({})", w[0], w[1], graph[&w[0]][&w[1]]))
                .collect();
            cycles.push(format!("{}\n{}", cycle.join(" → "), steps.join("\n")));
        }
    }
    assert!(
        cycles.is_empty(),
        "the top-level modules of checker/src form cycles (each edge at the first file \
         that writes it):\n\n{}",
        cycles.join("\n\n")
    );
}

#[test]
fn paths_after_crate_are_read_alone_and_in_groups() {
    let code = "use crate::a::b;\nuse crate::{c, d::e};\nlet x = my_crate::f;\n";
    assert_eq!(crate_paths(code), ["a", "c", "d"]);
    let text = "use crate::a; // crate::b\n#[cfg(test)]\nmod tests {\n    use crate::c;\n}\n";
    assert_eq!(crate_paths(&code_of(text)), ["a"]);
}

#[test]
fn a_cycle_is_found_and_named_in_order() {
    let edges = |list: &[&str]| -> BTreeMap<String, String> {
        list.iter()
            .map(|m| (m.to_string(), String::new()))
            .collect()
    };
    let graph = BTreeMap::from([
        ("a".to_string(), edges(&["b"])),
        ("b".to_string(), edges(&["c"])),
        ("c".to_string(), edges(&["a"])),
        ("d".to_string(), edges(&["a"])),
    ]);
    assert_eq!(cycle_through(&graph, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(cycle_through(&graph, "d"), None);
}
