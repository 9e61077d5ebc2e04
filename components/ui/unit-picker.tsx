'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldShell, inputClass, useFieldState } from './form';

interface Suggestion {
  code: string;
  name: string;
  province: string;
}

/**
 * Chooses a ward by typing its name (with or without diacritics) or code: a combobox over the
 * wards in the user's scope (/api/units/search). The chosen code goes in a hidden field `name`;
 * after a refusal both the choice and the text typed come back.
 */
export function UnitPicker({
  name,
  label,
  hint,
  id,
  defaultCode = '',
  defaultLabel = '',
  province,
}: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  id?: string;
  defaultCode?: string;
  defaultLabel?: string;
  province?: string;
}) {
  const t = useTranslations('common');
  const auto = useId();
  const inputId = id ?? `${auto}-${name}`;
  const listId = `${inputId}-list`;
  const code = useFieldState(name, defaultCode);
  const text = useFieldState(`${name}Label`, defaultLabel || defaultCode);
  const [value, setValue] = useState(String(code.value ?? ''));
  const [query, setQuery] = useState(String(text.value ?? ''));
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<AbortController | undefined>(undefined);
  // A refusal sends back what was chosen and typed: show it.
  const [answered, setAnswered] = useState(code.key);
  if (answered !== code.key) {
    setAnswered(code.key);
    setValue(String(code.value ?? ''));
    setQuery(String(text.value ?? ''));
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Asks the server for suggestions a moment after the typing stops. */
  const search = (q: string) => {
    clearTimeout(timer.current);
    pending.current?.abort();
    if (q.trim().length < 2) {
      setOptions([]);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      pending.current = controller;
      const params = new URLSearchParams({ q: q.trim(), ...(province ? { province } : {}) });
      try {
        const res = await fetch(`/api/units/search?${params}`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { units: Suggestion[] };
        setOptions(body.units);
        setActive(-1);
        setOpen(true);
      } catch {
        // A newer search replaced this one.
      }
    }, 200);
  };

  const choose = (s: Suggestion) => {
    setValue(s.code);
    setQuery(`${s.name} (${s.code})`);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <FieldShell id={inputId} label={label} hint={hint} errors={code.errors} className="relative">
      {(describedBy, invalid) => (
        <>
          <input type="hidden" name={name} value={value} />
          <input
            id={inputId}
            name={`${name}Label`}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open && options.length > 0}
            aria-controls={listId}
            aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
            value={query}
            placeholder={t('unitSearch')}
            onChange={(e) => {
              setQuery(e.target.value);
              search(e.target.value);
              // A five-digit code typed in full is a choice by itself.
              setValue(/^\d{5}$/.test(e.target.value.trim()) ? e.target.value.trim() : '');
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={typeof label === 'string' ? label : undefined}
            hidden={!open || options.length === 0}
            className="absolute top-full z-20 mt-1 max-h-64 w-full overflow-y-auto rounded border border-slate-200 bg-white text-sm shadow-lg"
          >
            {options.map((s, i) => (
              <li
                key={s.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-brand-50' : 'hover:bg-slate-50'}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(s);
                }}
              >
                {s.name}{' '}
                <span className="text-slate-500">
                  ({s.code}) · {s.province}
                </span>
              </li>
            ))}
          </ul>
          {open && query.trim().length >= 2 && options.length === 0 ? (
            <p className="text-xs text-slate-500" role="status">
              {t('unitNone')}
            </p>
          ) : null}
        </>
      )}
    </FieldShell>
  );
}
