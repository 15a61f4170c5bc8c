import { RemoteReplayViewer } from "@/app/components/ReplayViewer";
import { currentAdmin } from "@/server/admin/page-guard";

export const metadata = { title: "Replay · Flickboard" };

/**
 * A run's replay: public for verified runs, otherwise for its own player (the API decides). A signed-in
 * admin or staff member (reviewing a flagged run) watches through the admin API, which shows any run.
 */
export default async function RunReplayPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  const api = (await currentAdmin()) ? "/api/admin/runs" : "/api/runs";
  return (
    <section className="replay-page">
      <h1>Replay</h1>
      <RemoteReplayViewer src={`${api}/${encodeURIComponent(runId)}/replay`} />
    </section>
  );
}
