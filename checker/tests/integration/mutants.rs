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
