import { useForm } from './form-context';
import { messagesFor } from './issues';

export function FieldErrors({ path }: { path: string }) {
  const { issues } = useForm();
  const messages = messagesFor(issues, path);
  if (messages.length === 0) return null;
  return (
    <div className="field-error" id={`error-${path}`} data-testid={`error-${path}`}>
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}
