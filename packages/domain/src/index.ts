// The input schemas live in @stockroom/contracts (the SPAs share them); hosts keep importing them from here.
export * from "@stockroom/contracts";
export { type Actor, ANONYMOUS, isPlatformAdmin, type StaffActor, scopeProducerId } from "./actor.ts";
export { alertSettingsFor, type EffectiveAlertSettings, updateAlertSettings } from "./alerts/alert-settings.ts";
export { checkLowStock, DEFAULT_LOW_STOCK_COOLDOWN_HOURS, type LowStockOutcome, sweepLowStock } from "./alerts/check-low-stock.ts";
export { listLowStockAlerts, listNotifications } from "./alerts/list-alerts.ts";
export { markLotExpiry } from "./alerts/mark-lot-expiry.ts";
export { enqueueNewOrderAlerts, type NewOrderAlertOutcome, notifyNewOrder } from "./alerts/new-order-alert.ts";
export { listAudit } from "./audit/list-audit.ts";
export { type AuditEventInput, recordAudit } from "./audit/record-audit.ts";
export { changePassword } from "./auth/change-password.ts";
export { listOwnSessions, type OwnSession, revokeOtherSessions, revokeOwnSession } from "./auth/own-sessions.ts";
// For seeding accounts outside the domain (the demo package); never stored in plain text.
export { hashPassword } from "./auth/password.ts";
export { DEFAULT_PASSWORD_RESET_TTL_MINUTES, type ResetLinkConfig, requestPasswordReset, resetPassword } from "./auth/password-reset.ts";
export { purgeExpiredSessions, resolveSession, signOut } from "./auth/session.ts";
export { DEFAULT_SESSION_IDLE_MINUTES } from "./auth/session-idle.ts";
export { type SessionOrigin, type SignInResult, signIn } from "./auth/sign-in.ts";
export { getCatalogProduct } from "./catalog/get-catalog-product.ts";
export { catalogPageQuery, listCatalog } from "./catalog/list-catalog.ts";
export { listShopProducers } from "./catalog/list-shop-producers.ts";
export * from "./counts/index.ts";
export {
  type CustomerLinkConfig,
  DEFAULT_CUSTOMER_LINK_TTL_MINUTES,
  lookupAnswer,
  requestCustomerSignIn,
  requestOrderLookup,
  SIGN_IN_ANSWER,
} from "./customers/customer-links.ts";
export { listCustomerOrders } from "./customers/customer-orders.ts";
export {
  type CustomerIdentity,
  completeCustomerSignIn,
  customerSignOut,
  DEFAULT_CUSTOMER_SESSION_TTL_DAYS,
  resolveCustomerSession,
} from "./customers/customer-sessions.ts";
export { purgeExpiredCustomerLinks } from "./customers/purge-expired.ts";
export { type Clock, type Deps, systemClock } from "./deps.ts";
export { DomainError, type DomainErrorCode, isDomainError, notFound } from "./errors.ts";
export { csvStream } from "./exports/csv-stream.ts";
export { type CsvExport, exportLots, exportProducts } from "./exports/export-inventory.ts";
export { exportMovements } from "./exports/export-movements.ts";
export { type FileStore, LocalFileStore } from "./images/file-store.ts";
export { readProductImage, removeProductImage, reorderProductImages } from "./images/manage-product-images.ts";
export { S3FileStore, type S3FileStoreOptions } from "./images/s3-file-store.ts";
export { MAX_IMAGE_BYTES, uploadProductImage } from "./images/upload-product-image.ts";
export { cancelImport, requestImportApply } from "./imports/apply-import.ts";
export { dryRunImport } from "./imports/dry-run-import.ts";
export { getImport, type ImportView, listImports } from "./imports/get-import.ts";
export { runImportApply } from "./imports/run-import-apply.ts";
export { API_KEY_PREFIX, apiKeyHash, apiKeyLabel } from "./integrations/api-key-secret.ts";
export { authenticateApiKey } from "./integrations/authenticate-api-key.ts";
export { type ApiKeyView, createApiKey, listApiKeys, revokeApiKey } from "./integrations/manage-api-keys.ts";
export { type BackupStatus, latestBackupStatus } from "./metrics/backup-status.ts";
export { type InventoryCheckResult, latestInventoryCheck, runInventoryCheck } from "./metrics/inventory-check.ts";
export { COUNTERS, type CounterName, MetricCounters } from "./metrics/metric-counters.ts";
export { type SeedMetricDay, seedMetricTrends } from "./metrics/seed-metric-trends.ts";
export { computeSeedMetrics, type SeedMetrics } from "./metrics/seed-metrics.ts";
export { readConnections, readFailedJobs, readJobStartDelays, readNotificationBacklog, readQueueDepths } from "./metrics/service-readings.ts";
export { requestInventoryCheck, systemHealth, TREND_DAYS } from "./metrics/system-health.ts";
export { type Messenger, type Messengers, markNotificationFailed, SEND_LEASE_MS, sendNotification } from "./notifications/send-notification.ts";
export { addOrderNote } from "./orders/add-order-note.ts";
export { listCollectionPoints } from "./orders/collection-points.ts";
export { DEFAULT_PENDING_ORDER_TTL_HOURS, expirePendingOrders, pendingExpiryReason } from "./orders/expire-pending-orders.ts";
export { getCartOrder, getOrder, type OrderView } from "./orders/get-orders.ts";
export { listOrders, type OrderSummary } from "./orders/list-orders.ts";
export { type PlacedOrder, placeOrder } from "./orders/place-order.ts";
export { type SetOrderStatusResult, setOrderStatus } from "./orders/set-order-status.ts";
export { COST_FIELDS, can, permissionsOf, redactFor, requirePermission, withoutCosts } from "./permissions.ts";
export { createProducer, FIRST_LOCATION, listProducers, reactivateProducer, suspendProducer } from "./producers/manage-producers.ts";
export { archiveProduct, duplicateProduct, restoreProduct } from "./products/archive-product.ts";
export { getProduct } from "./products/get-product.ts";
export { listCategories } from "./products/list-producers.ts";
export { listProducts, nextProductsCursor } from "./products/list-products.ts";
export { createLocation, listLocations } from "./products/locations.ts";
export { archiveLocation, restoreLocation, updateLocation } from "./products/manage-locations.ts";
export { IMAGE_SIZES, type ImageSize, imageUrl } from "./products/product-view.ts";
export { createProduct, updateProduct } from "./products/save-product.ts";
export * from "./purchasing/index.ts";
export { lowStockTrend, profitability, restockRecommendations, stockMovementSeries } from "./reports/analytics.ts";
export { dashboardSummary } from "./reports/dashboard-summary.ts";
export { expiryWasteCsv, expiryWasteReport } from "./reports/expiry-waste-report.ts";
export { listInventory } from "./reports/inventory/list-inventory.ts";
export { productDetail } from "./reports/product-detail.ts";
export { formulaSafeCell } from "./reports/safe-csv.ts";
export { queueReturnEmail, returnEmailRecipient } from "./returns/return-email.ts";
export { type ReturnResult, returnOrder } from "./returns/return-order.ts";
export { acceptInvitation, getInvitation } from "./staff/accept-invitation.ts";
export { listInvitations, revokeInvitation } from "./staff/invitations.ts";
export { createInvitation, DEFAULT_INVITE_TTL_HOURS, type InviteConfig, inviteStaff } from "./staff/invite-staff.ts";
export { deactivateStaff, listStaff, reactivateStaff, setStaffRole } from "./staff/manage-staff.ts";
export { adjustLot } from "./stock/adjust-lot.ts";
export type { MovementView } from "./stock/apply-movement.ts";
export { availabilityOf } from "./stock/availability.ts";
export { batchUpdateStock } from "./stock/batch-update.ts";
export { cartIdFor } from "./stock/cart-id.ts";
export { DEFAULT_CART_MAX_PER_PRODUCT, DEFAULT_CART_MAX_UNITS } from "./stock/cart-limits.ts";
export { createHoldCoalescer, HOLD_COALESCER_DEFAULTS, type HoldCoalescer, type ShortLine } from "./stock/hold-coalescer.ts";
export { inventoryReport } from "./stock/inventory-report.ts";
export { listMovements } from "./stock/list-movements.ts";
export { receiveIntoLot, receiveLot } from "./stock/receive-lot.ts";
export { expireCartHolds, releaseCartHolds, sweepExpiredHolds } from "./stock/release-holds.ts";
export { type ReserveCartResult, reserveCart } from "./stock/reserve-cart.ts";
export { setOnHand } from "./stock/set-on-hand.ts";
export { addDays, utcDay } from "./stock/sql-time.ts";
export { rebuildStockSummaries } from "./stock/stock-summary.ts";
export { transferLot } from "./stock/transfer-lot.ts";
export { fixLedgerProblems, type InventoryProblem, validateInventory } from "./stock/validate-inventory.ts";
export { writeOffLot } from "./stock/write-off-lot.ts";
export { isZodError, validationError } from "./validation.ts";
export { type DeliveryOutcome, deliverWebhook, webhookBody } from "./webhooks/deliver-webhook.ts";
export { listWebhookDeliveries, resendWebhookDelivery, sendWebhookTestEvent } from "./webhooks/deliveries.ts";
export { DELIVERY_LEASE_SECONDS, dispatchWebhookDeliveries } from "./webhooks/dispatch-deliveries.ts";
export type { WebhookEndpointView } from "./webhooks/endpoint-view.ts";
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  revealWebhookSecret,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "./webhooks/manage-endpoints.ts";
export { recordWebhookEvent, type WebhookEventInput } from "./webhooks/record-webhook-event.ts";
export { isPublicAddress } from "./webhooks/url-safety.ts";
export { webhookEnv, webhookSettingsFromEnv } from "./webhooks/webhook-env.ts";
export {
  DEFAULT_WEBHOOK_RETRY_DELAYS_SECONDS,
  DEFAULT_WEBHOOK_SETTINGS,
  parseRetryDelays,
  type WebhookSettings,
} from "./webhooks/webhook-settings.ts";
