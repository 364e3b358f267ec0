select cast(json_build_object('node', (select json_build_object('nodeId', rtrim(translate(encode(convert_to('Delegation:' || cast(t0.id as text), 'UTF8'), 'base64'), '+/' || chr(10), '-_'), '='), 'title', t0.title, 'name', t0.title) from delegation t0 where t0.id = ? and t0.status <> 'DRAFT')) as text), false
-- [1]
