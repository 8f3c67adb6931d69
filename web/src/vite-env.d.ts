// Types for what Vite adds: CSS and asset imports, import.meta.env.
/// <reference types="vite/client" />
