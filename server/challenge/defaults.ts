/**
 * The default challenge, modelled on the Ultimate KovaaK's Challenge:
 * weekly boards close on Thursdays at 00:00 in the challenge's time zone, the weekly top 3 win a
 * six-month Ultimate membership and a $100 gift card, the challenge top 3 win hardware, and the
 * event days of a live show have daily boards with their own top 3.
 */
export const DEFAULT_CHALLENGE = {
  id: "ultimate-challenge",
  name: "Flickboard Ultimate Challenge",
  timeZone: "America/Chicago",
  startsAt: new Date("2026-11-19T06:00:00Z"), // Thu 2026-11-19 00:00 America/Chicago
  endsAt: new Date("2027-01-07T06:00:00Z"), // Thu 2027-01-07 00:00 America/Chicago
  weeklyCloseCron: "0 0 * * 4",
  dailyCloseCron: "0 0 * * *",
  featuredScenarioId: "gridshot",
  eventDays: ["2026-11-27", "2026-11-28", "2026-11-29"],
  prizeTable: {
    boards: [{ scenario: "featured", tier: "all", periods: ["day", "week", "challenge"] }],
    prizes: {
      week: [
        { place: 1, prize: "Six-month Ultimate membership + $100 gift card", needsContact: true },
        { place: 2, prize: "Six-month Ultimate membership + $100 gift card", needsContact: true },
        { place: 3, prize: "Six-month Ultimate membership + $100 gift card", needsContact: true },
      ],
      challenge: [
        { place: 1, prize: "240 Hz gaming monitor", needsContact: true },
        { place: 2, prize: "Gaming laptop", needsContact: true },
        { place: 3, prize: "Keyboard + mouse bundle", needsContact: true },
      ],
      day: [
        { place: 1, prize: "Event day winner: Ultimate membership (12 months)", needsContact: false },
        { place: 2, prize: "Event day runner-up: Ultimate membership (6 months)", needsContact: false },
        { place: 3, prize: "Event day third place: Ultimate membership (3 months)", needsContact: false },
      ],
    },
  },
};
