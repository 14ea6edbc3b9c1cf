/**
 * A field's refusal, said with the field's name ("Input tokens for Chat must be 0 or more"). Where messages float
 * over a dense row (`floating-errors`), the name is left to screen readers and the message alone shows, from a
 * capital ("Must be 0 or more"): the field is beside it, and the box covers less of the row below.
 */
export function FieldError({ id, label, message }: { id?: string; label: string; message: string }) {
  return (
    <span id={id} className="field__error" role="alert">
      <span className="field__error-label">{label} </span>
      <span className="field__error-message">{message}</span>
    </span>
  );
}
