-- Security cameras (issue 10): at most one open status interval per camera, whatever
-- two concurrent changes do (PostgreSQL's READ COMMITTED would otherwise let both insert
-- one); the service also locks the camera's row before it reads the history.
CREATE UNIQUE INDEX camera_status_open ON camera_status_history (camera_id) WHERE until IS NULL;
