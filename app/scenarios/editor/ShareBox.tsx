"use client";

import Link from "next/link";
import { useState } from "react";
import styles from "./editor.module.css";

/** A published scenario's share code and link, each with a button that copies it to the clipboard. */
export default function ShareBox({ code }: { code: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const path = `/s/${code}`;
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`The browser refused the clipboard: select the ${what.toLowerCase()} and copy it.`);
    }
  };
  return (
    <div className={styles.share} data-testid="share">
      <p>
        Share code <strong data-share-code={code}>{code}</strong> · <Link href={path}>{path}</Link>
      </p>
      <p className={styles.buttons}>
        <button type="button" className="button secondary" onClick={() => void copy("Code", code)}>
          Copy code
        </button>
        <button type="button" className="button secondary" onClick={() => void copy("Link", `${window.location.origin}${path}`)}>
          Copy link
        </button>
        <span role="status">{copied}</span>
      </p>
    </div>
  );
}
