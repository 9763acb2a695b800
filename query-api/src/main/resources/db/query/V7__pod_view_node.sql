-- The node that runs each pod (PodPlaced): interactive requests (exec, attach, logs) are routed to node_url.
ALTER TABLE pod_view ADD COLUMN node_id text, ADD COLUMN node_url text;
