select cast(json_build_object('delegations', json_build_object('nodes', json_build_object('id', cast(e.id as text), 'kind', e.kind, 'startDate', e.start_date, 'endDate', e.end_date))) as text), false
-- []
