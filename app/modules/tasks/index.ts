// Client-safe surface of the tasks module.
export { TaskStatusBadge, isTaskActive, taskCompletion, taskKindLabel, type TaskStatus } from "./task-presentation";
