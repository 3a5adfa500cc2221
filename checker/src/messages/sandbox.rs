//! The kernel sandbox: what it stopped, and what it cannot enforce on this system.

use super::Msg;
use crate::harness::sandbox::{Absent, Attempt, Gap, Protection, Stopped};
use crate::lang::say;

impl Msg {
    /// What the sandbox stopped, said once in a failing report.
    pub fn sandbox_stopped(self, stopped: &Stopped) -> String {
        let target = stopped.target.as_deref();
        let tried = match (stopped.attempt, target) {
            (Attempt::File, Some(t)) => say!(self,
                ja: format!("あなたのコードがファイル {t} を開こうとしました。"),
                en: format!("Your code tried to open a file, {t}:"),
            ),
            (Attempt::File, None) => say!(self,
                ja: "あなたのコードがファイルを開こうとしました。".to_string(),
                en: "Your code tried to open a file:".to_string(),
            ),
            (Attempt::Folder, Some(t)) => say!(self,
                ja: format!("あなたのコードがフォルダ {t} の中を読もうとしました。"),
                en: format!("Your code tried to list a folder, {t}:"),
            ),
            (Attempt::Folder, None) => say!(self,
                ja: "あなたのコードがフォルダの中を読もうとしました。".to_string(),
                en: "Your code tried to list a folder:".to_string(),
            ),
            (Attempt::Connection, Some(t)) => say!(self,
                ja: format!("あなたのコードが {t} に接続しようとしました。"),
                en: format!("Your code tried to connect to {t}:"),
            ),
            (Attempt::Connection, None) => say!(self,
                ja: "あなたのコードがネットワークに接続しようとしました。".to_string(),
                en: "Your code tried to open a network connection:".to_string(),
            ),
            (Attempt::Program, Some(t)) => say!(self,
                ja: format!("あなたのコードがプログラム {t} を起動しようとしました。"),
                en: format!("Your code tried to start a program, {t}:"),
            ),
            (Attempt::Program, None) => say!(self,
                ja: "あなたのコードがプログラムを起動しようとしました。".to_string(),
                en: "Your code tried to start a program:".to_string(),
            ),
            (Attempt::Unknown, _) => say!(self,
                ja: "あなたのコードがファイルかネットワークを使おうとしました。".to_string(),
                en: "Your code tried to use a file or the network:".to_string(),
            ),
        };
        say!(self,
            ja: format!("→ {tried}レッスンのコードはファイルもネットワークも使わずに動くので、サンドボックスが止めました。関数は必要なものをすべて引数で受け取り、答えを戻り値で返します。"),
            en: format!("→ {tried} lessons run without files or network, so the sandbox stopped it. A function gets all it needs as its arguments and gives its answer as its return value."),
        )
    }

    /// What the sandbox does not keep student code from on this system, said once by a
    /// command that runs it; `None` when nothing is missing.
    pub fn sandbox_missing(self, protection: Protection) -> Option<String> {
        let gaps = protection.gaps();
        if gaps.is_empty() {
            return None;
        }
        let why = match protection {
            Protection::Absent(Absent::SwitchedOff) => say!(self,
                ja: "カーネルのサンドボックス（Landlock）を切ってあります（CNNLINGS_SANDBOX=off）。".to_string(),
                en: "The kernel's sandbox (Landlock) is switched off (CNNLINGS_SANDBOX=off).".to_string(),
            ),
            Protection::Absent(Absent::NotEnabled) => say!(self,
                ja: "このカーネルの Landlock は有効になっていません（起動時の lsm= で有効にします）。".to_string(),
                en: "This kernel's Landlock is not enabled (it is enabled at boot, with lsm=).".to_string(),
            ),
            Protection::Absent(Absent::NotInKernel) => say!(self,
                ja: "このカーネルには、サンドボックスに使う Landlock がありません（Linux 5.13 以降にあります）。".to_string(),
                en: "This kernel has no Landlock, the sandbox the checker uses (Linux 5.13 and later have it).".to_string(),
            ),
            Protection::Absent(Absent::NotLinux) => say!(self,
                ja: "このシステムには、サンドボックスに使う Landlock がありません（Linux の機能です）。".to_string(),
                en: "This system has no Landlock, the sandbox the checker uses (it is Linux's).".to_string(),
            ),
            Protection::Landlock { abi } => say!(self,
                ja: format!("このカーネルの Landlock（ABI {abi}）は古いものです。"),
                en: format!("This kernel's Landlock (ABI {abi}) is an old one."),
            ),
        };
        let reaches: Vec<&str> = gaps
            .iter()
            .map(|gap| match gap {
                Gap::Files => say!(self, ja: "あなたのファイル", en: "your files"),
                Gap::Network => say!(self, ja: "ネットワーク", en: "the network"),
                Gap::Signals => say!(self, ja: "ほかのプロセス", en: "other processes"),
            })
            .collect();
        let reaches = say!(self,
            ja: reaches.join("、"),
            en: match reaches.as_slice() {
                [one] => one.to_string(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => String::new(),
            },
        );
        Some(if gaps.contains(&Gap::Files) {
            say!(self,
                ja: format!("{why}テストするコードには時間とメモリの制限だけがかかり、{reaches}に触れることを止めるものはありません。"),
                en: format!("{why} The code under test runs with its time and memory limits only: nothing keeps it from {reaches}."),
            )
        } else {
            say!(self,
                ja: format!("{why}テストするコードはファイルからは隔てられますが、{reaches}には触れられます。"),
                en: format!("{why} The code under test is kept from files, but not from {reaches}."),
            )
        })
    }

    /// The same, for a gradebook's note: short.
    pub fn sandbox_missing_note(self, protection: Protection) -> Option<String> {
        let gaps = protection.gaps();
        if gaps.is_empty() {
            return None;
        }
        Some(if gaps.contains(&Gap::Files) {
            say!(self,
                ja: "カーネルのサンドボックス（Landlock）なしで採点しました（時間・メモリの制限とトークンの検査のみ）。".to_string(),
                en: "Graded without the kernel sandbox (Landlock): limits and the token scan only.".to_string(),
            )
        } else {
            say!(self,
                ja: "古い Landlock で採点しました（ファイルは隔てましたが、ネットワークかシグナルは止めていません）。".to_string(),
                en: "Graded under an old Landlock: files kept out of reach, the network or signals not.".to_string(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const EN: Msg = Msg(Lang::En);
    const JA: Msg = Msg(Lang::Ja);

    #[test]
    fn full_landlock_is_not_mentioned() {
        assert_eq!(EN.sandbox_missing(Protection::Landlock { abi: 7 }), None);
        assert_eq!(
            JA.sandbox_missing_note(Protection::Landlock { abi: 6 }),
            None
        );
    }

    #[test]
    fn what_is_missing_is_named() {
        let off = Protection::Absent(Absent::SwitchedOff);
        assert_eq!(
            EN.sandbox_missing(off).as_deref(),
            Some(
                "The kernel's sandbox (Landlock) is switched off (CNNLINGS_SANDBOX=off). The code under test runs with its time and memory limits only: nothing keeps it from your files, the network and other processes."
            )
        );
        assert_eq!(
            JA.sandbox_missing(off).as_deref(),
            Some(
                "カーネルのサンドボックス（Landlock）を切ってあります（CNNLINGS_SANDBOX=off）。テストするコードには時間とメモリの制限だけがかかり、あなたのファイル、ネットワーク、ほかのプロセスに触れることを止めるものはありません。"
            )
        );
        let old = Protection::Landlock { abi: 3 };
        assert_eq!(
            EN.sandbox_missing(old).as_deref(),
            Some(
                "This kernel's Landlock (ABI 3) is an old one. The code under test is kept from files, but not from the network and other processes."
            )
        );
    }

    #[test]
    fn a_stopped_open_names_its_file() {
        let stopped = Stopped {
            attempt: Attempt::File,
            target: Some("/tmp/x".into()),
        };
        assert!(
            EN.sandbox_stopped(&stopped)
                .starts_with("→ Your code tried to open a file, /tmp/x: lessons run without files or network, so the sandbox stopped it.")
        );
        assert!(JA.sandbox_stopped(&stopped).starts_with(
            "→ あなたのコードがファイル /tmp/x を開こうとしました。レッスンのコードは"
        ));
    }
}
