export { findTaskForShop, listRecentTasks } from "./tasks.server";
