import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface Option<T> {
  readonly key: string;
  readonly label: string;
  readonly value: T;
}

/**
 * An accessible combobox (ARIA 1.2 pattern): type, then choose with the arrow keys and
 * Enter, or click. Enter here chooses an option; it never submits the form.
 */
export function Typeahead<T>({
  id,
  label,
  hint,
  search,
  onChoose,
  errorId,
  minLength = 1,
}: {
  id: string;
  label: string;
  hint?: string;
  search: (text: string) => Promise<readonly Option<T>[]>;
  onChoose: (value: T) => void;
  errorId?: string;
  minLength?: number;
}) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<readonly Option<T>[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const latest = useRef(0);

  useEffect(() => {
    if (text.trim().length < minLength) {
      setOptions([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = window.setTimeout(() => {
      search(text.trim()).then(
        (found) => {
          if (ticket !== latest.current) return;
          setOptions(found);
          setActive(found.length > 0 ? 0 : -1);
          setOpen(true);
        },
        () => undefined,
      );
    }, 150);
    return () => window.clearTimeout(timer);
  }, [text, search, minLength]);

  const choose = (option: Option<T>) => {
    onChoose(option.value);
    setText('');
    setOptions([]);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => Math.min(options.length - 1, current + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(0, current - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active];
      if (open && option) choose(option);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const describedBy = [hint ? `${id}-hint` : undefined, errorId].filter(Boolean).join(' ') || undefined;
  const showList = open && options.length > 0;
  return (
    <div className="lantern-typeahead">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input
        className="govuk-input"
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 200)}
      />
      {/* The WAI-ARIA combobox pattern: focus stays in the input, which names the active option (aria-activedescendant) and takes the keys. */}
      <ul
        className={`lantern-typeahead__options${showList ? '' : ' lantern-hidden'}`}
        id={listId}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox of options, as the combobox pattern has it
        role="listbox"
        aria-label={`${label}: suggestions`}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: the input keeps focus and its keys choose the option (combobox pattern)
          <li
            key={option.key}
            id={`${listId}-${index}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox, as the combobox pattern has it
            role="option"
            aria-selected={index === active}
            className="lantern-typeahead__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <div className="govuk-visually-hidden" role="status" aria-live="polite">
        {open && text.trim().length >= minLength ? `${options.length} suggestions` : ''}
      </div>
    </div>
  );
}
