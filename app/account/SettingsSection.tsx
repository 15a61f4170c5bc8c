/** The settings stored with the player's account (PATCH /api/players/me from the play page), in words. */
import Link from "next/link";
import type { Me } from "@/lib/contracts/players";
import styles from "./account.module.css";

const onOff = (v: boolean | undefined) => (v === undefined ? "default" : v ? "on" : "off");
const orDefault = (v: string | number | null | undefined, unit = "") => (v === undefined || v === null ? "default" : `${v}${unit}`);

export default function SettingsSection({ settings }: { settings: Me["settings"] }) {
  const stored = Object.keys(settings).length > 0;
  return (
    <section className={styles.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      {stored ? (
        <dl className={styles.settings}>
          <dt>Sensitivity</dt>
          <dd>
            {orDefault(settings.cm360, " cm/360")} at {orDefault(settings.dpi, " DPI")}
          </dd>
          <dt>Field of view</dt>
          <dd>{orDefault(settings.hfovDeg, "° horizontal")}</dd>
          <dt>Crosshair</dt>
          <dd>
            {orDefault(settings.crosshairStyle)}, {orDefault(settings.crosshairColour)}, size {orDefault(settings.crosshairSize, " px")}, gap{" "}
            {orDefault(settings.crosshairGap, " px")}, thickness {orDefault(settings.crosshairThickness, " px")}, outline {onOff(settings.crosshairOutline)}
          </dd>
          <dt>Sound volume</dt>
          <dd>{orDefault(settings.volume, " %")}</dd>
        </dl>
      ) : (
        <p>No settings saved to your account yet: the play page uses this browser&apos;s own.</p>
      )}
      <p>
        <Link href="/play/gridshot">Change your settings on the play page</Link>.
      </p>
    </section>
  );
}
