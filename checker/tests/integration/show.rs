//! `show`: the lecture's pictures drawn from the student's own code, read as a student
//! would read them (snapshots), stepped through with keys in a pseudo-terminal, and
//! written as PNG files whose pixels are checked against the feature maps.

use crate::support::{Workbook, assert_status, serial, stdout};
use crate::watch::Pty;
use std::path::Path;
use std::time::Duration;

#[path = "../../lesson/src/split.rs"]
#[allow(dead_code, reason = "the test uses only the split's rows")]
mod split;

/// The first `show` of a test run may compile the harness's dependencies.
const FIRST: Duration = Duration::from_secs(300);
const SOON: Duration = Duration::from_secs(60);

/// A new student's workbook with the references of `modules` as their own code.
fn solved(modules: &[&str]) -> Workbook {
    let wb = Workbook::real();
    for module in modules {
        let reference = wb.read(&format!("solutions/src/{module}.rs"));
        wb.write(&format!("exercises/src/{module}.rs"), &reference);
    }
    wb
}

fn show(wb: &Workbook, args: &[&str]) -> String {
    let (output, _) = wb.run(args);
    assert_status(&output, 0);
    stdout(&output)
}

#[test]
fn show_conv_prints_the_lecture_s_frames_from_the_student_s_conv2d() {
    let _serial = serial();
    let wb = solved(&["conv"]);
    let en = show(&wb, &["show", "conv", "--no-animate"]);
    let ja = show(&wb, &["--lang", "ja", "show", "conv", "--no-animate"]);
    // Nine positions and the whole result; the lecture's 4, 3, 5 by the student's code.
    assert_eq!(en.matches("Convolution: the 3×3 kernel").count(), 9, "{en}");
    assert!(en.contains("+ 0×0 + 1×0 + 1×1 = 4"), "{en}");
    assert!(
        en.contains("Computed by your conv2d (exercises/src/conv.rs)."),
        "{en}"
    );
    assert!(!en.contains('✗'), "{en}");
    assert!(!ja.is_ascii() && !ja.contains("Computed"), "{ja}");
    for line in ja.lines() {
        assert!(
            !line.contains("the ") && !line.contains("your "),
            "English in Japanese mode: {line}"
        );
    }
    wb.settings().bind(|| {
        insta::assert_snapshot!("show_conv_en", en);
        insta::assert_snapshot!("show_conv_ja", ja);
    });
}

#[test]
fn show_pool_picks_8_from_4_8_7_1_and_shrinks_the_image_to_a_quarter() {
    let _serial = serial();
    let wb = solved(&["pool"]);
    let en = show(&wb, &["show", "pool", "--no-animate"]);
    let ja = show(&wb, &["--lang", "ja", "show", "pool", "--no-animate"]);
    assert!(en.contains("max(4, 8, 7, 1) = 8"), "{en}");
    assert!(
        en.contains("16 pixels become 4, a quarter of the image"),
        "{en}"
    );
    assert!(ja.contains("画像は 4 分の 1 になりました"), "{ja}");
    wb.settings().bind(|| {
        insta::assert_snapshot!("show_pool_en", en);
        insta::assert_snapshot!("show_pool_ja", ja);
    });
}

#[test]
fn a_conv2d_that_is_a_stub_panics_or_does_not_compile_gives_one_line_and_the_reference() {
    let _serial = serial();
    let wb = Workbook::real();
    let stub = show(&wb, &["show", "conv", "--no-animate"]);
    let reason = "Computed by the reference: your conv2d is still todo!() (exercises/src/conv.rs:";
    assert_eq!(stub.matches(reason).count(), 10, "{stub}");
    // The reference's picture: the lecture's result, whole.
    assert!(stub.contains(" 4  3  5\n"), "{stub}");

    wb.write(
        "exercises/src/conv.rs",
        "use ndarray::Array2;\n\npub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {\n    \
         let _ = kernel;\n    let row = image.nrows() + 1;\n    Array2::from_elem((image[[row, 0]] as usize, 1), 0.0)\n}\n",
    );
    let panicked = show(&wb, &["show", "conv", "--no-animate"]);
    let last = panicked.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Computed by the reference: your code panicked (exercises/src/conv.rs:6:")
            && last.contains("is out of bounds for array of shape [5, 5]"),
        "{panicked}"
    );
    assert!(panicked.contains(" 4  3  5\n"), "{panicked}");

    wb.write("exercises/src/conv.rs", "pub fn conv2d(\n");
    let broken = show(&wb, &["--lang", "ja", "show", "conv", "--no-animate"]);
    let last = broken.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "模範解答で計算しました：あなたのコードがコンパイルできません（`check conv` で理由が見られます）。"
    );
    wb.settings().bind(|| {
        insta::assert_snapshot!(
            "show_conv_stub_last_frame",
            stub.split("\n\n\n").last().unwrap_or_default()
        )
    });
}

#[test]
fn show_test_n_draws_a_fixed_test_of_the_lesson_instead_of_the_lecture_s() {
    let _serial = serial();
    let wb = solved(&["conv", "pool"]);
    let list = show(&wb, &["show", "conv", "--test", "0"]);
    assert!(
        list.starts_with(
            "The lesson's tests that `show conv --test N` shows:\n  1 the lecture's example"
        ),
        "{list}"
    );
    assert_eq!(list.lines().count(), 7, "{list}");
    let frames = show(&wb, &["show", "conv", "--test", "2", "--no-animate"]);
    assert!(
        frames.contains("the 2×2 kernel slides over the 3×4 image (position 1 of 6)"),
        "{frames}"
    );
    assert!(
        frames.contains("    1×1 + (-2)×2\n  + 2×3 + 1×4 = 7\n"),
        "{frames}"
    );
    let pool = show(
        &wb,
        &[
            "--lang",
            "ja",
            "show",
            "pool",
            "--test",
            "4",
            "--no-animate",
        ],
    );
    assert!(
        pool.contains("35 画素が 6 画素になりました（余りの行と列は捨てます）"),
        "{pool}"
    );
    let (output, _) = wb.run(&["show", "pool", "--test", "99"]);
    assert_status(&output, 2);
}

/// `show` draws what the lessons declare: a name none declares lists those that do, in
/// the course's order, and a course that declares none says so.
#[test]
fn an_unknown_name_lists_the_shows_the_lessons_declare() {
    let _serial = serial();
    let wb = Workbook::real();
    // The course's shows as its lesson files declare them now: a lesson an instructor
    // adds with a `[show]` of its own joins the list, and the test still holds.
    let shows = course_shows();
    assert!(
        shows.starts_with(&["`show conv`", "`show pool`", "`show cnn`"].map(String::from)),
        "{shows:?}"
    );
    let (output, _) = wb.run(&["show", "conf"]);
    assert_status(&output, 2);
    assert_eq!(
        crate::support::stderr(&output),
        format!(
            "There is nothing called `conf` for `show` to draw. The lessons declare {}.\n",
            shows.join(", ")
        )
    );
    let (output, _) = wb.run(&["--lang", "ja", "show", "conf"]);
    assert_status(&output, 2);
    assert_eq!(
        crate::support::stderr(&output),
        format!(
            "`show conf` で描けるものはありません。レッスンに書かれているのは {} です。\n",
            shows.join("、")
        )
    );

    let wb = Workbook::fixture();
    let (output, _) = wb.run(&["show", "conv"]);
    assert_status(&output, 2);
    assert_eq!(
        crate::support::stderr(&output),
        "There is nothing called `conv` for `show` to draw: no lesson of this course declares a `[show]`.\n"
    );
    let (output, _) = wb.run(&["--lang", "ja", "show", "cnn"]);
    assert_status(&output, 2);
    assert_eq!(
        crate::support::stderr(&output),
        "`show cnn` で描けるものはありません。このコースには `[show]` を書いたレッスンがありません。\n"
    );
}

/// `show <name>` of every `[show]` of the course's lesson files, in the course's order.
fn course_shows() -> Vec<String> {
    let dir = crate::support::repo_root().join("lessons");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let lesson: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = lesson.get("show")?.get("name")?.as_str()?;
            Some(format!("`show {name}`"))
        })
        .collect()
}

#[test]
fn a_wrong_conv2d_shows_both_values_and_marks_the_difference() {
    let _serial = serial();
    let wb = Workbook::real();
    let flipped = wb.mistake("lessons/04-conv.toml", "flipped_kernel");
    wb.write("exercises/src/conv.rs", &flipped);
    let en = show(&wb, &["show", "conv", "--no-animate"]);
    // The sum line says what the nine products add up to (never "… + 1×1 = 3", which
    // would be false arithmetic), and the student's value comes after it.
    assert!(
        en.contains(" = 4\n  ✗ These 9 products add up to 4; your conv2d gave 3.\n"),
        "{en}"
    );
    assert!(
        !en.contains(" = 3\n  ✗ These 9 products add up to 4"),
        "{en}"
    );
    let ja = show(&wb, &["--lang", "ja", "show", "conv", "--no-animate"]);
    assert!(
        ja.contains("  ✗ この 9 個の積の和は 4 です。あなたの conv2d は 3 を返しました。\n"),
        "{ja}"
    );
    assert!(
        en.contains("✗ The 6 cells marked ! differ from the reference."),
        "{en}"
    );
}

/// A max pooling that keeps each window's first cell: the frame still says the window's
/// true maximum ("4、8、7、1 の最大値は 8"), never the student's 4 as if it were the maximum.
#[test]
fn a_wrong_max_pool2d_is_not_said_to_be_the_maximum() {
    let _serial = serial();
    let wb = Workbook::real();
    let first = wb.mistake("lessons/05-pool.toml", "first_cell");
    wb.write("exercises/src/pool.rs", &first);
    let ja = show(&wb, &["--lang", "ja", "show", "pool", "--no-animate"]);
    assert!(
        ja.contains("4、8、7、1 の最大値は 8\n  ✗ 最大値は 8 です。あなたの max_pool2d は 4 を返しました。\n"),
        "{ja}"
    );
    assert!(!ja.contains("4、8、7、1 の最大値は 4"), "{ja}");
    let en = show(&wb, &["show", "pool", "--no-animate"]);
    assert!(
        en.contains("max(4, 8, 7, 1) = 8\n  ✗ The maximum is 8; your max_pool2d gave 4.\n"),
        "{en}"
    );
}

#[test]
fn show_cnn_draws_every_layer_of_the_student_s_network_on_a_test_digit() {
    let _serial = serial();
    let wb = solved(&["unit", "dense", "conv", "pool", "cnn"]);
    let en = show(&wb, &["show", "cnn", "--digit", "3"]);
    let ja = show(&wb, &["--lang", "ja", "show", "cnn", "--digit", "3"]);
    assert!(
        en.contains("Computed by your Cnn (exercises/src/cnn.rs)."),
        "{en}"
    );
    assert!(en.contains("The answer is 2 (99.9%): right."), "{en}");
    assert!(ja.contains("答えは 2（確率 99.9%）：正解です。"), "{ja}");
    for screen in [&en, &ja] {
        assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");
    }
    wb.settings().bind(|| {
        insta::assert_snapshot!("show_cnn_en", en);
        insta::assert_snapshot!("show_cnn_ja", ja);
    });

    // A new student: every layer is the reference's, and the screen says so.
    let fresh = Workbook::real();
    let en = show(&fresh, &["show", "cnn"]);
    assert!(en.contains("convolution 1 (8×6×6)*"), "{en}");
    assert!(
        en.contains(
            "* Computed by the reference: your cnn.rs is still todo!() (exercises/src/cnn.rs:"
        ),
        "{en}"
    );
    let (output, _) = fresh.run(&["--lang", "ja", "show", "cnn", "--digit", "360"]);
    assert_status(&output, 2);
    assert!(
        crate::support::stderr(&output).contains("テスト用の数字は 0 から 359 までです"),
        "{}",
        crate::support::stderr(&output)
    );
}

/// The colour of a feature map's value `t` (its value over the stage's largest absolute
/// value), as the checker draws it.
fn heat(t: f32) -> [u8; 3] {
    let level = |x: f32| (x * 255.0).round() as u8;
    if t >= 0.0 {
        [level(t), level(t * 0.55), level(t * 0.1)]
    } else {
        [level(-t * 0.15), level(-t * 0.45), level(-t)]
    }
}

fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    (info.width, info.height, pixels)
}

fn pixel(pixels: &[u8], width: u32, x: usize, y: usize) -> [u8; 3] {
    let i = (y * width as usize + x) * 3;
    [pixels[i], pixels[i + 1], pixels[i + 2]]
}

/// Test digit `index` (pixels 0–16) as the course splits data/digits.csv.gz.
fn test_digit(root: &Path, index: usize) -> Vec<f32> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(root.join("data/digits.csv.gz")).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let rows: Vec<&str> = text.lines().collect();
    let row = split::rows(rows.len(), split::Split::Test)[index];
    rows[row]
        .split(',')
        .take(64)
        .map(|x| x.parse().unwrap())
        .collect()
}

#[test]
fn png_files_hold_the_feature_maps() {
    let _serial = serial();
    let wb = solved(&["unit", "dense", "conv", "pool", "cnn"]);
    let out = wb.path().join("pictures");
    let text = show(&wb, &["show", "cnn", "--digit", "3", "--png", "pictures"]);
    assert!(text.contains("Wrote the PNG files"), "{text}");
    let cell = 16;
    // One picture of the whole network: a title, then the layers left to right, their
    // maps 100 pixels below the top (under their labels), the input first, 16 from the left.
    let (w, _, overview) = decode(&out.join("cnn.png"));
    let (left, top) = (16, 100);

    // The input: 8×8 cells of 16 pixels, ink on paper as the digits lesson says: 0 white,
    // 16 black, gray as 1 − the pixel ÷ 16.
    let digit = test_digit(wb.path(), 3);
    for (r, c) in [(0, 0), (3, 4), (7, 2), (5, 5)] {
        let v = 255 - ((digit[r * 8 + c] / 16.0) * 255.0).round() as u8;
        assert_eq!(
            pixel(&overview, w, left + c * cell + 8, top + r * cell + 8),
            [v, v, v],
            "({r}, {c})"
        );
    }

    // conv1, after the input's 128 pixels and 36 for the arrow: eight 6×6 maps two a
    // row, 4 pixels apart, coloured by value.
    let weights: Vec<f32> = wb
        .read("data/digits-cnn.csv")
        .trim()
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    let image: Vec<f32> = digit.iter().map(|x| x / 16.0).collect();
    let conv1 = |o: usize, r: usize, c: usize| {
        let mut sum = weights[72 + o];
        for i in 0..3 {
            for j in 0..3 {
                sum += image[(r + i) * 8 + c + j] * weights[o * 9 + i * 3 + j];
            }
        }
        sum
    };
    let scale = (0..8)
        .flat_map(|o| (0..36).map(move |k| (o, k / 6, k % 6)))
        .map(|(o, r, c)| conv1(o, r, c).abs())
        .fold(0.0, f32::max);
    let x0 = left + 128 + 36;
    for (o, r, c) in [(0, 0, 0), (3, 2, 4), (7, 5, 5), (5, 1, 3)] {
        let x = x0 + (o % 2) * (6 * cell + 4) + c * cell + 8;
        let y = top + (o / 2) * (6 * cell + 4) + r * cell + 8;
        let want = heat(conv1(o, r, c) / scale);
        let got = pixel(&overview, w, x, y);
        let close = got.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 1);
        assert!(close, "map {o} ({r}, {c}): {got:?}, not {want:?}");
    }
    // The gap between maps is white.
    assert_eq!(
        pixel(&overview, w, x0 + 6 * cell + 1, top + 5),
        [255, 255, 255]
    );

    // The probabilities, last: ten bars of up to 160 pixels, 20 apart; the answer's, 2,
    // black and almost whole, 5's empty (its grey track alone).
    let bars = w as usize - 16 - 320 + 40;
    let bar = |class: usize, x: usize| pixel(&overview, w, bars + x, top + class * 20 + 8);
    assert_eq!(bar(2, 150), [0, 0, 0]);
    assert_eq!(bar(5, 1), [225, 225, 225]);

    // show conv --png: the image, the kernel and the result, a file each.
    show(&wb, &["show", "conv", "--no-animate", "--png", "pictures"]);
    let (w, h, result) = decode(&out.join("conv-output.png"));
    assert_eq!((w, h), (48, 48));
    // 4 3 5: the 5 is the largest, full orange; the 3 at 3/5 of it.
    assert_eq!(pixel(&result, w, 40, 8), heat(1.0));
    assert_eq!(pixel(&result, w, 24, 40), heat(0.6));
    assert_eq!(decode(&out.join("conv-image.png")).0, 80);
}

#[test]
fn show_conv_steps_with_keys_in_a_terminal_and_gives_it_back() {
    let _serial = serial();
    let wb = solved(&["conv"]);
    let mut pty = Pty::spawn_sized(&wb, &["show", "conv"], 80, 24);
    let screen = pty.screen.clone();
    let at = screen.wait_for("(position 1 of 9)", 0, FIRST);
    let at = screen.wait_for("space or → next", at, SOON);
    pty.keys(" ");
    let at = screen.wait_for("(position 2 of 9)", at, SOON);
    // → and ← as a terminal sends them.
    pty.keys("\u{1b}[C");
    let at = screen.wait_for("(position 3 of 9)", at, SOON);
    pty.keys("\u{1b}[D");
    let at = screen.wait_for("(position 2 of 9)", at, SOON);
    assert!(screen.text()[..at].contains("= 3"), "{}", screen.text());
    pty.keys("q");
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());
    // The cursor is shown again.
    screen.wait_for("\u{1b}[?25h", at, SOON);

    // Ctrl-C ends it too, with the status of an interrupt, the terminal given back.
    let mut pty = Pty::spawn_sized(&wb, &["show", "conv"], 80, 24);
    let screen = pty.screen.clone();
    let at = screen.wait_for("(position 1 of 9)", 0, SOON);
    pty.keys("\u{3}");
    assert_eq!(pty.exit_code(SOON), 130, "{}", screen.text());
    screen.wait_for("\u{1b}[?25h", at, SOON);
}

/// The fixture course with an instructor's lesson of their own, `edges`
/// (`checker/tests/fixtures/show/`), whose `[show]` draws its `correlate`; the student's
/// file is `student` (the stub or the reference).
fn with_edges(student: &str) -> Workbook {
    let wb = Workbook::fixture();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/show");
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
    wb.write("lessons/03-edges.toml", &read("lessons/03-edges.toml"));
    wb.write("lessons/stubs/edges.rs", &read("lessons/stubs/edges.rs"));
    wb.write("solutions/src/edges.rs", &read("solutions/src/edges.rs"));
    wb.write("exercises/src/edges.rs", &read(student));
    wb
}

/// An instructor's new lesson has a `show` of its own, declared in its file: its frames
/// are drawn by the student's own function, the lesson suggests it once passed, and a
/// name no lesson declares lists it.
#[test]
fn a_new_lesson_declares_a_show_of_its_own() {
    let _serial = serial();
    let wb = with_edges("solutions/src/edges.rs");
    let en = show(&wb, &["show", "edges", "--no-animate"]);
    assert_eq!(
        en.matches("Convolution: the 1×2 kernel slides over the 3×4 image")
            .count(),
        9,
        "{en}"
    );
    assert!(en.contains("    0×(-1) + 1×1 = 1\n"), "{en}");
    assert!(
        en.contains("Computed by your correlate (exercises/src/edges.rs)."),
        "{en}"
    );
    let ja = show(&wb, &["--lang", "ja", "show", "edges", "--no-animate"]);
    assert!(
        ja.contains("あなたの correlate（exercises/src/edges.rs）で計算しました。"),
        "{ja}"
    );
    wb.settings().bind(|| {
        let last = en.rfind("The convolution's result").unwrap_or_default();
        insta::assert_snapshot!("show_edges_last_frame", &en[last..])
    });

    let (output, _) = wb.run(&["check", "edges"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output)
            .contains("Watch your correlate find the edges: `cargo run -p checker -- show edges`"),
        "{}",
        stdout(&output)
    );
    let (output, _) = wb.run(&["show", "edge"]);
    assert_status(&output, 2);
    assert!(
        crate::support::stderr(&output).ends_with("The lessons declare `show edges`.\n"),
        "{}",
        crate::support::stderr(&output)
    );
}

/// The `[show]` names its function, not its module: the lesson's module renamed (its
/// files moved), `show edges` draws from the new file.
#[test]
fn a_renamed_module_keeps_its_show() {
    let _serial = serial();
    let wb = with_edges("lessons/stubs/edges.rs");
    let lesson = wb.read("lessons/03-edges.toml");
    wb.write(
        "lessons/03-edges.toml",
        &lesson.replace("module = \"edges\"", "module = \"borders\""),
    );
    for folder in ["lessons/stubs", "solutions/src", "exercises/src"] {
        let old = wb.path().join(folder).join("edges.rs");
        std::fs::rename(&old, wb.path().join(folder).join("borders.rs")).unwrap();
    }
    let stub = show(&wb, &["show", "edges", "--no-animate"]);
    let last = stub.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(
            "Computed by the reference: your correlate is still todo!() (exercises/src/borders.rs:"
        ),
        "{stub}"
    );
    // The reference's result: the step found where the image turns from 0 to 1.
    assert!(stub.contains(" 0  1  0\n"), "{stub}");
    // Code that does not compile sends the student to the lesson's id, not its module.
    wb.write("exercises/src/borders.rs", "pub fn correlate(\n");
    let broken = show(&wb, &["show", "edges", "--no-animate"]);
    assert_eq!(
        broken.lines().last().unwrap_or_default(),
        "Computed by the reference: your code does not compile (`check edges` shows why)."
    );
}

/// `dev check` reads every `[show]` and `after_passing` as it reads every lesson key:
/// a problem is said at its file:line:col, in the reader's language.
#[test]
fn dev_check_says_where_a_show_declaration_is_wrong() {
    let _serial = serial();
    let wb = with_edges("lessons/stubs/edges.rs");
    let lesson = wb.read("lessons/03-edges.toml");
    let misspelt = lesson.replace("function = \"correlate\"", "function = \"corelate\"");
    wb.write("lessons/03-edges.toml", &misspelt);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let en = crate::support::stderr(&output);
    assert!(
        en.contains("error: `corelate` is not one of the lesson's `functions`\n   ┌─ lessons/03-edges.toml:26:12"),
        "{en}"
    );
    let (output, _) = wb.run(&["--lang", "ja", "dev", "check"]);
    let ja = crate::support::stderr(&output);
    assert!(
        ja.contains("`corelate` はこのレッスンの `functions` にありません。"),
        "{ja}"
    );
    wb.settings()
        .bind(|| insta::assert_snapshot!("show_declaration_errors", en));

    // `after_passing` names a show some lesson declares.
    let elsewhere = lesson.replace("show = \"edges\"", "show = \"edge --test 1\"");
    wb.write("lessons/03-edges.toml", &elsewhere);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let en = crate::support::stderr(&output);
    assert!(
        en.contains("error: no lesson declares `show edge`; the shows are `edges`\n  ┌─ lessons/03-edges.toml:7:17"),
        "{en}"
    );

    // A key no `[show]` knows is an error at its line too.
    wb.write(
        "lessons/03-edges.toml",
        &lesson.replace("kernel = [[-1, 1]]", "kernel = [[-1, 1]]\nstride = 2"),
    );
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let en = crate::support::stderr(&output);
    assert!(
        en.contains("error: unknown field `stride`; the fields here are `name`, `view`, `function`, `image`, `kernel`, `size`, `input`, `weights`, `build`, `stages`\n   ┌─ lessons/03-edges.toml:33:1"),
        "{en}"
    );
}
