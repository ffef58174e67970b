-- Periods of support are counted from the day the first one started, not chained from the previous end: a pledge
-- from 31 January renews on 28 February, then 31 March (chained, it would stay on the 28th for good).
alter table pledge add column period_anchor timestamptz;

-- An invoice pledge's first period started when its first payment was recorded; card pledges are renewed by Stripe.
update pledge p set period_anchor = (select min(paid_at) from pledge_payment where pledge_id = p.id)
where p.current_period_end is not null;
