//! `dev mutants`: mutation analysis of a lesson's hidden tests, on the fixture lesson
//! `relu` (`tests/fixtures/mutants/`, laid over the fixture course): one tiny module,
//! four mutants, built once and reused by both runs (their harnesses are the same).

use crate::data::lay_over;
use crate::support::{Workbook, assert_status, serial, stdout};
use std::path::Path;

const LESSON: &str = "lessons/03-relu.toml";

#[test]
fn survivors_are_found_and_marked_equivalents_are_not_counted() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mutants");
    lay_over(&overlay, &overlay, &wb);

    // Every mutant is killed, but `<` → `<=`, which is marked equivalent: exit 0.
    let (output, _) = wb.run(&["dev", "mutants", "relu", "--lang", "en"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("relu: 4 mutants; the hidden tests kill 3 of the 3 that compile and are not marked equivalent (100 %); 0 survive, 1 is marked equivalent, 0 did not compile."),
        "{out}"
    );
    assert!(
        out.contains("≈ marked equivalent: solutions/src/relu.rs:9:10  `<` → `<=` (at 0 both branches give 0)"),
        "{out}"
    );

    // Cut down to its first fixed case, with a mark that names no mutant: the two
    // mutants of `0.0` survive, each shown as a diff, and the mark is said at its line.
    let full = wb.read(LESSON);
    let (head, rest) = full.split_once("# Rule: a negative").unwrap();
    let (_, marks) = rest.split_once("[[equivalent]]").unwrap();
    let stale = "\n[[equivalent]]\nline = 3\nfind = \"x\"\nwith = \"-x\"\nreason = { ja = \"同じ\", en = \"the same\" }\n";
    wb.write(LESSON, &format!("{head}[[equivalent]]{marks}{stale}"));
    let (output, _) = wb.run(&["dev", "mutants", "relu", "--lang", "en"]);
    assert_status(&output, 1);
    wb.settings()
        .bind(|| insta::assert_snapshot!("dev_mutants_survivors", stdout(&output)));
    let (output, _) = wb.run(&["dev", "mutants", "relu", "--lang", "ja"]);
    assert_status(&output, 1);
    wb.settings()
        .bind(|| insta::assert_snapshot!("dev_mutants_survivors_ja", stdout(&output)));

    // Another correct module, mutated instead of the reference: its own marks (`file`)
    // count, the reference's do not.
    wb.write(
        "max_relu.rs",
        "pub fn relu(x: f32) -> f32 {\n    x.max(0.0)\n}\n",
    );
    let mark = "\n[[equivalent]]\nfile = \"max_relu.rs\"\nline = 2\nfind = \"0.0\"\nwith = \"1.0\"\nreason = { ja = \"例\", en = \"an example\" }\n";
    wb.write(LESSON, &format!("{head}{mark}"));
    let args = [
        "dev",
        "mutants",
        "relu",
        "--from",
        "max_relu.rs",
        "--lang",
        "en",
    ];
    let (output, _) = wb.run(&args);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("relu: 3 mutants; the hidden tests kill 2 of the 2 that compile and are not marked equivalent (100 %); 0 survive, 1 is marked equivalent, 0 did not compile."),
        "{out}"
    );
    assert!(
        out.contains("≈ marked equivalent: max_relu.rs:2:11  `0.0` → `1.0` (an example)"),
        "{out}"
    );
}

/// A correct variant written with loops, which names an earlier lesson's module that the
/// reference does not (`crate::scale`), and one of whose mutants does not compile (its
/// `sign` returns an `Ordering`, which has no default): `--from` mounts what the variant
/// names, and the mutant rustc rejects is counted apart while the others still run.
const LOOP_VARIANT: &str = "\
use ndarray::Array1;
use std::cmp::Ordering;

fn sign(x: f32) -> Ordering {
    x.total_cmp(&0.0)
}

pub fn relu(x: f32) -> f32 {
    let v = crate::scale::scale(&Array1::from(vec![x]), 1.0);
    let mut out = 0.0;
    for i in 0..v.len() {
        if sign(v[i]) == Ordering::Greater {
            out = v[i];
        }
    }
    out
}
";

#[test]
fn a_variant_is_mounted_with_what_it_names_and_a_mutant_that_does_not_compile_is_counted_apart() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mutants");
    lay_over(&overlay, &overlay, &wb);
    wb.write("relu_loops.rs", LOOP_VARIANT);
    let args = ["dev", "mutants", "relu", "--from", "relu_loops.rs"];
    let (output, _) = wb.run(&[&args[..], &["--lang", "en"]].concat());
    let out = stdout(&output);
    assert!(!out.contains("fails the hidden tests as it is"), "{out}");
    assert!(
        out.contains(
            "relu: 11 mutants of relu_loops.rs (this correct module with one small change each)"
        ),
        "{out}"
    );
    assert!(out.contains(" 1 did not compile."), "{out}");
    assert_status(&output, 0);
    let (output, _) = wb.run(&[&args[..], &["--lang", "ja"]].concat());
    let out = stdout(&output);
    assert!(
        out.contains("relu：relu_loops.rs からミュータント（この正しいモジュールを一か所だけ書き換えたもの）を 11 個作りました。"),
        "{out}"
    );
    assert!(
        out.contains("コンパイルできなかったもの 1 個です。"),
        "{out}"
    );
    assert_status(&output, 0);
}

/// Two runs on one lesson share its workspace: the second waits for the first, and says so.
#[test]
fn a_second_run_on_a_lesson_waits_for_the_first_and_says_so() {
    use std::io::{BufRead as _, BufReader};
    let _serial = serial();
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mutants");
    lay_over(&overlay, &overlay, &wb);
    // This test holds the lock of the lesson's workspace, as a first run would.
    let dir = wb.path().join("target/cnnlings/mutants/relu");
    std::fs::create_dir_all(&dir).unwrap();
    let lock = std::fs::File::create(dir.join("lock")).unwrap();
    lock.lock().unwrap();
    let mut child = wb
        .checker(&["dev", "mutants", "relu", "--lang", "en"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while stderr.read_line(&mut said).unwrap() > 0 && !said.contains("waiting") {}
    assert!(
        said.contains(
            "Another `dev mutants relu` is running in this workbook; waiting for it to finish…"
        ),
        "{said}"
    );
    drop(lock);
    let output = child.wait_with_output().unwrap();
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("relu: 4 mutants;"),
        "{}",
        stdout(&output)
    );
}
