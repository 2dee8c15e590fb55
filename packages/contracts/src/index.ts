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
export { changePasswordInput, newPasswordSchema, requestPasswordResetInput, resetPasswordInput, revokeSessionInput, signInInput } from "./auth.ts";
export { cartTokenSchema, MAX_CART_LINES, MAX_LINE_QUANTITY, releaseCartInput, reserveCartInput } from "./cart.ts";
export { CATALOG_SORTS, type CatalogSort, catalogProductInput, listCatalogInput } from "./catalog.ts";
export {
  type CustomerContact,
  collectionPointsInput,
  customerContactSchema,
  DELIVERY_COUNTRIES,
  type DeliveryCountry,
  deliveryAddressSchema,
  type Fulfilment,
  fulfilmentSchema,
} from "./checkout.ts";
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
  CUSTOMER_ORDERS_PAGE_SIZE,
  completeCustomerSignInInput,
  customerOrdersInput,
  requestCustomerSignInInput,
  requestOrderLookupInput,
} from "./customer.ts";
export {
  applyImportInput,
  exportInventoryInput,
  exportMovementsInput,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportKindName,
  importIdInput,
  listImportsInput,
  MAX_IMPORT_ERRORS_KEPT,
  MAX_IMPORT_ROWS,
  OPTIONAL_IMPORT_COLUMNS,
  startImportInput,
} from "./imports.ts";
export {
  addOrderNoteInput,
  FULFILMENT_METHODS,
  type FulfilmentMethod,
  listOrdersInput,
  listOrdersShape,
  MAX_CANCEL_REASON_LENGTH,
  MAX_ORDER_NOTE_LENGTH,
  MAX_ORDERS_LIMIT,
  ORDER_SORTS,
  ORDER_STATUSES,
  type OrderSort,
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
  MAX_RETURN_LINES,
  MAX_RETURN_REASON_LENGTH,
  RETURN_DISPOSITIONS,
  type ReturnDisposition,
  returnOrderInput,
} from "./returns.ts";
export {
  AUDIT_ACTIONS,
  type AuditAction,
  acceptInvitationInput,
  createProducerInput,
  invitationIdInput,
  invitationTokenInput,
  inviteStaffInput,
  listAuditInput,
  listAuditShape,
  listStaffInput,
  MIN_PASSWORD_LENGTH,
  producerIdInput,
  setStaffRoleInput,
  staffIdInput,
} from "./staff.ts";
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
export { BATCH_UPDATE_MAX, batchUpdateInput, batchUpdateItem, setOnHandInput } from "./stock-levels.ts";
export { urlSearchSchema } from "./url-search.ts";
