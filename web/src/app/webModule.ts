import type { ComponentType, LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n/zh.ts';

/** A page loaded on demand, so a module's weight (tables, charts, maps) only reaches users who open it. */
export type ModulePage = LazyExoticComponent<ComponentType>;

/** A page outside the staff shell and without sign-in (the residents' report form, tracking). */
export interface PublicRoute {
  path: string;
  page: ModulePage;
}

/** A link from the sign-in page to one of a module's public pages. */
export interface ResidentLink {
  path: string;
  label: MessageKey;
  icon: ComponentType;
}

/** A module's messages: `en` carries exactly the keys of `zh` (each module's `i18n/en.ts` is typed so). */
export interface ModuleStrings {
  zh: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}

/**
 * What a web module tells the shell about itself (`web/src/modules/<key>/module.ts(x)`). The shell builds its
 * menu, home page, routes and dictionaries from the list in `web/src/modules/index.ts` and names no module.
 */
export interface WebModule {
  /** Matches the server module; the module lives at `/m/<key>` (business) or `/admin/<key>` (administrators). */
  key: string;
  /** 三员分立: the administrators' areas form their own menu group and are hidden from business roles. */
  area: 'business' | 'admin';
  /** Shared by the menu, the home page and the coming-soon page. */
  icon: ComponentType;
  label: MessageKey;
  description: MessageKey;
  /** Mounted at the module's path with `/*`: it routes inside itself. */
  page: ModulePage;
  publicRoutes?: readonly PublicRoute[];
  /** Public pages the sign-in page at `/` offers residents who land there (随手拍, 查询进度), as large buttons. */
  residentLinks?: readonly ResidentLink[];
  messages: ModuleStrings;
  /**
   * Who opens the module: a signed-in person holding any one of these (the server's permission keys, as the
   * session lists them). The menu, the home page and the module's route show it to them only, so nobody is
   * offered a page the server would refuse; a module that names none is open to nobody (the server still
   * decides each request).
   */
  permissions?: readonly string[];
  /**
   * Not built yet (no server module): shown as 规划中 to the roles it is planned for, as a page that says what is
   * coming and calls no API, so no one else sees it and no one is refused. Role keys as the session lists them.
   */
  plannedFor?: readonly string[];
  /**
   * The module's part of the signed-in home (`/`): its to-dos and main pages, shown to those who can open it.
   * Loaded on demand like `page`.
   */
  homeCard?: ModulePage;
}

/**
 * What the residents' entry (`citizen.html`) installs of a module instead of its manifest: its public pages and
 * their strings, without the staff page, so nothing of the staff side reaches a resident's phone.
 */
export type PublicPages = Pick<WebModule, 'key' | 'publicRoutes' | 'messages'>;
