//! `show … --html FILE`: the page's structure as a browser will get it (the elements the
//! script fills, its data, its size, nothing fetched from outside), on a new student's
//! workbook and on a solved one, in both languages (one test: two workbooks, as each
//! new one builds its harnesses). `checker/tests/browser/` drives the
//! same pages in Chromium.

use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use serde_json::Value;

fn solved(modules: &[&str]) -> Workbook {
    let wb = Workbook::real();
    for module in modules {
        let reference = wb.read(&format!("solutions/src/{module}.rs"));
        wb.write(&format!("exercises/src/{module}.rs"), &reference);
    }
    wb
}

/// Writes a page with `args` (then `--html FILE`) and returns what the checker said and
/// the page.
fn page(wb: &Workbook, args: &[&str], file: &str) -> (String, String) {
    let mut all = args.to_vec();
    all.extend(["--html", file]);
    let (output, _) = wb.run(&all);
    assert_status(&output, 0);
    (stdout(&output), wb.read(file))
}

/// The JSON the page's script draws from.
fn data(page: &str) -> Value {
    let start = "<script type=\"application/json\" id=\"data\">";
    let from = page.find(start).expect("the data block") + start.len();
    let to = from + page[from..].find("</script>").expect("its end");
    serde_json::from_str(&page[from..to]).expect("JSON")
}

/// What every page holds: its elements, a script, no address outside the file.
fn assert_self_contained(page: &str, lang: &str) {
    assert!(page.len() < 3 * 1024 * 1024, "{} bytes", page.len());
    for part in [
        &format!("<html lang=\"{lang}\">"),
        "<meta charset=\"utf-8\">",
        "name=\"viewport\"",
        "Content-Security-Policy\" content=\"default-src 'none';",
        "id=\"overview\"",
        "id=\"detail\"",
        "id=\"controls\"",
    ] {
        assert!(page.contains(part), "no {part}");
    }
    for outside in ["http:", "https:", "//cdn", "src=\"", "@import", "url("] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    assert_eq!(
        page.matches("</script>").count(),
        2,
        "a data block and one script"
    );
}

#[test]
fn show_html_pages_hold_their_data_say_whose_values_they_are_and_mark_differences() {
    let _serial = serial();
    // A new student: every layer is the reference's, labelled with why.
    let fresh = Workbook::real();
    let (said, html) = page(&fresh, &["show", "cnn"], "cnn.html");
    assert!(
        said.starts_with("Wrote the page cnn.html (")
            && said.contains("KB). Open it in a browser (double-click the file;"),
        "{said}"
    );
    assert_self_contained(&html, "en");
    let fresh_data = data(&html);
    assert_eq!(fresh_data["kind"], "network");
    let digits = fresh_data["inputs"].as_array().unwrap();
    assert_eq!(digits.len(), 24);
    assert_eq!(digits[0]["index"], 0);
    assert_eq!(digits[23]["index"], 23);
    let ids: Vec<&str> = digits[0]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "conv1", "relu1", "conv2", "relu2", "pool", "fc1", "relu3", "fc2", "softmax"
        ]
    );
    let conv1 = &digits[0]["stages"][0];
    assert_eq!(conv1["shapeText"], "8×6×6");
    assert_eq!(conv1["cells"].as_array().unwrap().len(), 288);
    assert!(
        conv1["origin"].as_str().unwrap().starts_with(
            "Computed by the reference: your cnn.rs is still todo!() (exercises/src/cnn.rs:"
        ),
        "{}",
        conv1["origin"]
    );
    // How each stage is explained, and the weights it reads, as lessons/07-cnn.toml
    // declares them.
    let plan = fresh_data["stages"].as_array().unwrap();
    let explain: Vec<&str> = plan
        .iter()
        .map(|s| s["explain"].as_str().unwrap())
        .collect();
    assert_eq!(
        explain,
        [
            "conv", "relu", "conv", "relu", "pool", "dense", "relu", "dense", "softmax"
        ]
    );
    let sources: Vec<&str> = plan.iter().map(|s| s["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            "input", "conv1", "relu1", "conv2", "relu2", "pool", "fc1", "relu3", "fc2"
        ]
    );
    assert_eq!(plan[0]["next"], "relu1");
    assert_eq!(plan[7]["next"], Value::Null);
    assert_eq!(plan[0]["layer"]["weights"].as_array().unwrap().len(), 72);
    assert_eq!(plan[0]["layer"]["bias"].as_array().unwrap().len(), 8);
    assert_eq!(plan[7]["layer"]["bias"].as_array().unwrap().len(), 10);
    assert_eq!(plan[1]["layer"], Value::Null);
    assert_eq!(plan[8]["probabilities"], true);

    // A solved workbook, in Japanese, from --digit 350: the student's own values.
    let wb = solved(&["unit", "dense", "conv", "pool", "cnn"]);
    let (said, html) = page(
        &wb,
        &["--lang", "ja", "show", "cnn", "--digit", "350"],
        "pages/cnn-ja.html",
    );
    assert!(
        said.starts_with("ページを pages/cnn-ja.html に書き出しました（")
            && said.contains("ブラウザで開いてください"),
        "{said}"
    );
    assert_self_contained(&html, "ja");
    let solved_data = data(&html);
    let digits = solved_data["inputs"].as_array().unwrap();
    let order: Vec<u64> = digits
        .iter()
        .map(|d| d["index"].as_u64().unwrap())
        .collect();
    assert_eq!(
        order[..12],
        [350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 0, 1]
    );
    for stage in digits[0]["stages"].as_array().unwrap() {
        assert_eq!(stage["origin"], Value::Null, "{}", stage["id"]);
        assert_eq!(stage["offBy"], 0.0, "{}", stage["id"]);
        assert_eq!(stage["cells"], stage["reference"]);
    }
    let plan = solved_data["stages"].as_array().unwrap();
    assert_eq!(plan[0]["title"], "畳み込み 1");
    assert_eq!(plan[4]["title"], "プーリング");
    assert!(
        html.contains("<title>あなたのネットワークがテスト用の入力を読むようす</title>"),
        "{}",
        &html[..400]
    );

    // The same workbook with a conv2d that flips the kernel: the lecture's 4 3 5
    // becomes 3 4 5, and conv1 of the network differs from the reference's.
    let conv = wb.read("exercises/src/conv.rs").replace(
        ".and(kernel)",
        ".and(&kernel.slice(ndarray::s![..;-1, ..;-1]))",
    );
    wb.write("exercises/src/conv.rs", &conv);
    let (_, html) = page(&wb, &["show", "conv"], "conv.html");
    assert_self_contained(&html, "en");
    let conv = data(&html);
    assert_eq!(conv["kind"], "conv");
    assert_eq!(conv["origin"], Value::Null);
    let row = |grid: &Value| -> Vec<f64> {
        grid["cells"].as_array().unwrap()[..3]
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    };
    assert_eq!(row(&conv["output"]), [3.0, 4.0, 5.0]);
    assert_eq!(row(&conv["reference"]), [4.0, 3.0, 5.0]);
    assert_eq!(conv["kernel"]["rows"], 3);

    let (_, html) = page(&wb, &["show", "cnn"], "cnn.html");
    let stages = &data(&html)["inputs"][0]["stages"];
    let conv1 = &stages[0];
    assert_eq!(conv1["origin"], Value::Null);
    assert!(
        conv1["offBy"].as_f64().unwrap() > 0.01,
        "{}",
        conv1["offBy"]
    );
    assert_ne!(conv1["cells"], conv1["reference"]);

    // The new student's pool page, and a path that cannot be written.
    let (_, html) = page(&fresh, &["--lang", "ja", "show", "pool"], "pool.html");
    assert_self_contained(&html, "ja");
    let pool = data(&html);
    assert_eq!(pool["kind"], "pool");
    assert_eq!(pool["kernel"], Value::Null);
    assert_eq!(pool["window"], serde_json::json!([2, 2]));
    assert_eq!(pool["output"]["cells"][0], 8.0);
    assert!(
        pool["origin"]
            .as_str()
            .unwrap()
            .starts_with("模範解答で計算しました：あなたの max_pool2d はまだ todo!() です"),
        "{}",
        pool["origin"]
    );
    // A file that cannot be written: said with the cause, exit status 3.
    fresh.write("taken", "a file, not a folder");
    let (output, _) = fresh.run(&["show", "pool", "--html", "taken/pool.html"]);
    assert_status(&output, 3);
    let said = stderr(&output);
    assert!(
        said.starts_with("Cannot write the page taken/pool.html: "),
        "{said}"
    );
}
