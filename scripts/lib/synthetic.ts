import type pg from 'pg';

/**
 * Synthetic data, written with set-based SQL so that even the 10× build takes minutes, not hours.
 * Its wards (named "Bench …") start on 2 July 2025 so their codes never clash with the real
 * units of 1 July 2025.
 */
export async function buildSyntheticNation(
  client: pg.Client,
  wards: number,
  year: number,
  firstCode = 1,
) {
  await client.query(`
    INSERT INTO units (code, name, full_name, type, province_id, search_key, valid_from, updated_at)
    SELECT lpad(i::text, 5, '0'), 'Bench ' || i, 'Phường Bench ' || i, 'PHUONG',
           (SELECT id FROM provinces WHERE valid_to IS NULL ORDER BY code OFFSET (i % 34) LIMIT 1),
           'bench ' || i, DATE '2025-07-02', now()
      FROM generate_series(${firstCode}, ${firstCode + wards - 1}) i`);
  await client.query(`
    INSERT INTO assessments (unit_id, year, criteria_set_id, status, total_criteria, updated_at, status_changed_at)
    SELECT u.id, y, (SELECT id FROM criteria_sets LIMIT 1),
           (CASE WHEN y < ${year} THEN (ARRAY['RECOGNISED','NOT_RECOGNISED','RECOGNISED'])[1 + (u.id + y) % 3]
                 ELSE (ARRAY['DRAFT','SUBMITTED','RETURNED','PROPOSED','INSPECTING','RECOGNISED'])[1 + (u.id + y) % 6] END)::"AssessmentStatus",
           22, now(), now() - ((u.id % 90) || ' days')::interval
      FROM units u CROSS JOIN generate_series(2021, 2030) y
     WHERE u.name LIKE 'Bench %'`);
  await client.query(`
    INSERT INTO criterion_results (assessment_id, criterion_id, state, value, updated_at)
    SELECT a.id, c.id,
           (CASE WHEN (a.id * 31 + c.number * 17) % 100 < (CASE WHEN c.number = 4 THEN 12 ELSE 3 END) THEN 'NOT_MET'
                 WHEN (a.id * 13 + c.number) % 100 < 2 THEN 'NOT_DUE' ELSE 'MET' END)::"ResultState",
           1, now()
      FROM assessments a CROSS JOIN criteria c
     WHERE a.unit_id IN (SELECT id FROM units WHERE name LIKE 'Bench %') AND c.criteria_set_id = a.criteria_set_id`);
  await client.query(`
    UPDATE assessments a SET met_count = s.met, not_met_count = s.not_met, not_due_count = s.not_due, is_attained = (s.met = a.total_criteria),
                             criteria_short = a.total_criteria - s.met
      FROM (SELECT assessment_id, count(*) FILTER (WHERE state = 'MET') met, count(*) FILTER (WHERE state = 'NOT_MET') not_met,
                   count(*) FILTER (WHERE state = 'NOT_DUE') not_due
              FROM criterion_results GROUP BY assessment_id) s
     WHERE s.assessment_id = a.id`);
  // Only wards that meet every criterion are recognised.
  await client.query(
    `UPDATE assessments SET status = 'NOT_RECOGNISED' WHERE status = 'RECOGNISED' AND NOT is_attained AND unit_id IN (SELECT id FROM units WHERE name LIKE 'Bench %')`,
  );
  await client.query(`
    INSERT INTO recognition_decisions (assessment_id, number, decided_on, year)
    SELECT id, id || '/QĐ', make_date(year, 12, 1), year FROM assessments
     WHERE status = 'RECOGNISED' AND unit_id IN (SELECT id FROM units WHERE name LIKE 'Bench %')`);
  await client.query('ANALYZE');
}
