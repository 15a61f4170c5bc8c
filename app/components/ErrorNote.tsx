/** A form's or page's error message, announced as it appears (nothing when there is none). */
export function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}
