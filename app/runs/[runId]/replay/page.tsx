import { RemoteReplayViewer } from "@/app/components/ReplayViewer";

export const metadata = { title: "Replay · Flickboard" };

/** A run's replay: public for verified runs, otherwise for its own player (the API decides). */
export default async function RunReplayPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <section className="replay-page">
      <h1>Replay</h1>
      <RemoteReplayViewer src={`/api/runs/${encodeURIComponent(runId)}/replay`} />
    </section>
  );
}
