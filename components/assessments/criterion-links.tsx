/** Criteria named by number, each a link to its row on the sheet ("2, 5, 7"). */
export function CriterionLinks({ numbers }: { numbers: readonly number[] }) {
  return (
    <>
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 ? ', ' : ''}
          <a href={`#criterion-${n}`} className="underline">
            {n}
          </a>
        </span>
      ))}
    </>
  );
}
