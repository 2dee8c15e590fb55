// The API's input schemas and enums, shared by the domain (which parses with them) and the SPAs
// (forms, URL search params). Browser-safe: zod only, no server code.
export {
  ALERT_STATUSES,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  listLowStockAlertsInput,
  listNotificationsInput,
  MAX_RECIPIENTS,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  PHONE_PATTERN,
  updateAlertSettingsInput,
} from "./alerts.ts";
export { signInInput } from "./auth.ts";
export { cartTokenSchema, listCatalogInput, MAX_CART_LINES, MAX_LINE_QUANTITY, releaseCartInput, reserveCartInput } from "./cart.ts";
export {
  checkDateRange,
  dateRangeFields,
  daysBetween,
  idempotencyKeySchema,
  isoDay,
  MAX_MONEY_CENTS,
  MAX_PAGE,
  MAX_RANGE_DAYS,
  PG_INT_MAX,
  producerScopeInput,
  SORT_DIRECTIONS,
  type SortDirection,
} from "./common.ts";
export {
  listOrdersInput,
  MAX_CANCEL_REASON_LENGTH,
  MAX_ORDERS_LIMIT,
  ORDER_STATUSES,
  type OrderStatus,
  orderIdInput,
  placeOrderInput,
  setOrderStatusInput,
} from "./orders.ts";
export {
  ADJUST_REASONS,
  PERMISSIONS,
  type Permission,
  PRODUCER_ROLES,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  roleCan,
  STAFF_ROLES,
  type StaffRoleName,
} from "./permissions.ts";
export {
  archiveProductInput,
  createLocationInput,
  createProductInput,
  deleteProductImageInput,
  duplicateProductInput,
  getProductInput,
  listCategoriesInput,
  listLocationsInput,
  listProductsInput,
  locationIdInput,
  MAX_DESCRIPTION_LENGTH,
  MAX_PRODUCT_IMAGES,
  MAX_SHELF_LIFE_DAYS,
  PRODUCT_STATUSES,
  productDetailInput,
  reorderProductImagesInput,
  updateLocationInput,
  updateProductInput,
} from "./products.ts";
export {
  ANALYTICS_BUCKETS,
  type AnalyticsBucket,
  analyticsInput,
  expiryWasteInput,
  INVENTORY_SORTS,
  INVENTORY_STATUSES,
  type InventorySort,
  type InventoryStatus,
  listInventoryInput,
  MAX_INVENTORY_PAGE_SIZE,
} from "./reports.ts";
export {
  adjustLotInput,
  listMovementsInput,
  MAX_STOCK_CHANGE,
  receiveLotInput,
  transferLotInput,
  WRITE_OFF_REASONS,
  type WriteOffReason,
  writeOffLotInput,
} from "./stock.ts";
export { urlSearchSchema } from "./url-search.ts";
