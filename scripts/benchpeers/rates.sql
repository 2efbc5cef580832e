-- The aggregate behind GET /api/v1/rates?year=2024&month=10, written directly as SQL
-- for the sqlite3 shell (scripts/bench-rates.sh): the projects on the year's list in
-- October, by district, by category and in total: count, total investment, annual
-- plan and latest cumulative figure (万元), investment rate, new starts due and made.
.mode list
WITH f AS MATERIALIZED (
  SELECT p.district, p.category, p.total_investment, e.annual_plan,
    COALESCE((SELECT i.completed_ytd FROM investments i WHERE i.code = p.code AND i.period BETWEEN 202401 AND 202410
      AND i.completed_ytd IS NOT NULL ORDER BY i.period DESC LIMIT 1), 0) AS done,
    (e.nature = '新开工' AND e.planned_start BETWEEN 202401 AND 202410) AS due,
    (e.nature = '新开工' AND p.actual_start BETWEEN 202401 AND 202410) AS started
  FROM plan_entries e JOIN projects p ON p.code = e.code
  WHERE e.year = 2024 AND (e.list_from = 0 OR e.list_from <= 202410) AND (e.list_until = 0 OR e.list_until > 202410))
SELECT 'district', district, count(*), sum(total_investment), sum(annual_plan) / 1e4, sum(done) / 1e4, round(1.0 * sum(done) / sum(annual_plan), 4), sum(due), sum(started) FROM f GROUP BY district
UNION ALL SELECT 'category', category, count(*), sum(total_investment), sum(annual_plan) / 1e4, sum(done) / 1e4, round(1.0 * sum(done) / sum(annual_plan), 4), sum(due), sum(started) FROM f GROUP BY category
UNION ALL SELECT 'total', '', count(*), sum(total_investment), sum(annual_plan) / 1e4, sum(done) / 1e4, round(1.0 * sum(done) / sum(annual_plan), 4), sum(due), sum(started) FROM f;
