/** The settings stored with the player's account (PATCH /api/players/me from the play page), in words. */
import Link from "next/link";
import type { Me } from "@/lib/contracts/players";
import styles from "./account.module.css";

/** The stored values in words, each row only when something of it is stored; the rest play with the defaults. */
function rows(s: Me["settings"]): [string, string][] {
  const parts = (...items: (string | false | undefined)[]) => items.filter(Boolean).join(", ");
  const sensitivity = parts(s.cm360 !== undefined && `${s.cm360} cm/360`, s.dpi !== undefined && `${s.dpi} DPI`);
  const crosshair = parts(
    s.crosshairStyle,
    s.crosshairColour,
    s.crosshairSize !== undefined && `size ${s.crosshairSize} px`,
    s.crosshairGap !== undefined && `gap ${s.crosshairGap} px`,
    s.crosshairThickness !== undefined && `thickness ${s.crosshairThickness} px`,
    s.crosshairOutline !== undefined && `outline ${s.crosshairOutline ? "on" : "off"}`,
  );
  const all: [string, string][] = [
    ["Sensitivity", sensitivity],
    ["Field of view", s.hfovDeg !== undefined ? `${s.hfovDeg}° horizontal` : ""],
    ["Crosshair", crosshair],
    ["Sound volume", s.volume !== undefined ? `${s.volume} %` : ""],
  ];
  return all.filter(([, value]) => value !== "");
}

export default function SettingsSection({ settings }: { settings: Me["settings"] }) {
  const stored = rows(settings);
  return (
    <section className={styles.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {stored.length > 0 ? (
        <>
          <dl className={styles.settings}>
            {stored.map(([name, value]) => (
              <div key={name} className={styles.setting}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">Anything not listed plays with its default.</p>
        </>
      ) : (
        <p>No settings saved to your account yet: the play page uses this browser&apos;s own.</p>
      )}
      <p>
        <Link href="/play/gridshot">Change your settings on the play page</Link>.
      </p>
    </section>
  );
}
