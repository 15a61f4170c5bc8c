/**
 * A Turbopack loader for three.js's build (three/build/three.module.js and three.core.js): it
 * replaces the parts the game never uses with stubs, so that they and the code only they reach
 * (WebXR's controllers and cameras, PMREM and cube-map generation, shadow-map materials and
 * shaders, render targets, serialization, ray casting, the animation system) leave the bundle.
 *
 * WebGLRenderer makes each of these parts whatever the page draws. The game draws unlit meshes and
 * lines on a plain colour background with no environment map, no shadows, no XR session and the
 * default 8-bit output (game/client/renderer.ts). A stub does what the real part does in that case
 * (nothing, or "no environment map") and throws, naming this file, the moment a page asks for more:
 * an environment map, shadows turned on, an XR session, an HDR output buffer or effects, a
 * material other than basic, line and matcap, a render target or cube texture, an object's
 * toJSON, a raycaster's hit test, or an animation.
 */
"use strict";

/** The error a stub throws when the page reaches past what the game uses. */
const STUBBED = `function threeStubbed( part ) {

	throw new Error( 'three.js: ' + part + ' is left out of this bundle (bundler/three-renderer-stubs.cjs)' );

}`;

/**
 * A stub for the function that `start` opens (`function name(` or `this.name = function`, at any
 * indentation): it throws, saying which part of three.js is missing.
 */
function throwing(start, part) {
  const indent = /^\t*/.exec(start)[0];
  const method = /this\.(\w+) = (?:async )?function/.exec(start);
  if (method) {
    const stub = `${indent}this.${method[1]} = function () {\n\n${indent}\tthreeStubbed( '${part}' );\n\n${indent}};`;
    return { start, end: `${indent}};`, stub };
  }
  const name = /function (\w+)/.exec(start)[1];
  return { start, stub: `${indent}function ${name}() {\n\n${indent}\tthreeStubbed( '${part}' );\n\n${indent}}` };
}

/** WebXRManager's methods that only an XR session uses. */
const XR_API = [
  "getController",
  "getControllerGrip",
  "getHand",
  "setFramebufferScaleFactor",
  "setReferenceSpaceType",
  "getReferenceSpace",
  "setReferenceSpace",
  "getBaseLayer",
  "getBinding",
  "getFrame",
  "getSession",
  "setSession",
  "getDepthTexture",
  "updateCamera",
  "getCamera",
  "getFoveation",
  "setFoveation",
  "hasDepthSensing",
  "getDepthSensingMesh",
  "getCameraTexture",
];

/** Each stubbed top-level declaration of three.module.js: how it starts, and what replaces it. */
const STUBS = [
  {
    // renderer.xr: never enabled, never presenting; WebGLBackground asks it for the blend mode.
    // The rest of its API (XR_API) throws.
    start: "class WebXRManager extends EventDispatcher {",
    stub: `class WebXRManager extends EventDispatcher {

	constructor() {

		super();
		this.cameraAutoUpdate = true;
		this.isPresenting = false;
		for ( const name of ${JSON.stringify(XR_API)} ) {

			this[ name ] = () => threeStubbed( 'WebXRManager.' + name + ' (WebXR)' );

		}

	}

	get enabled() {

		return false;

	}

	set enabled( value ) {

		if ( value ) threeStubbed( 'WebXRManager (WebXR)' );

	}

	getEnvironmentBlendMode() {

		return undefined;

	}

	setAnimationLoop() {}

	dispose() {}

}`,
  },
  {
    // renderer.shadowMap: never enabled, so rendering shadows is always nothing.
    start: "function WebGLShadowMap( renderer, objects, capabilities ) {",
    stub: `function WebGLShadowMap() {

	Object.defineProperty( this, 'enabled', {
		get: () => false,
		set: ( value ) => {

			if ( value ) threeStubbed( 'WebGLShadowMap (shadows)' );

		}
	} );
	this.autoUpdate = true;
	this.needsUpdate = false;
	this.type = PCFShadowMap;
	this.render = function () {};

}`,
  },
  {
    // Environment maps (cube maps and PMREM): a material or scene without one asks for null.
    start: "function WebGLEnvironments( renderer ) {",
    stub: `function WebGLEnvironments() {

	function get( texture ) {

		if ( texture === null || texture === undefined ) return null;
		threeStubbed( 'WebGLEnvironments (environment maps)' );

	}

	return { get: get, dispose: function () {} };

}`,
  },
  // Made only for an output buffer other than 8-bit, or for effects.
  throwing("function WebGLOutput( type, width, height, antialias, depth, stencil ) {", "WebGLOutput (HDR output and effects)"),
  // WebGLTextures' render targets (the game draws to the canvas) and cube textures (no environment map).
  ...[
    "function uploadCubeTexture( textureProperties, texture, slot ) {",
    "function deallocateRenderTarget( renderTarget ) {",
    "function setupFrameBufferTexture( framebuffer, renderTarget, texture, attachment, textureTarget, level ) {",
    "function setupRenderBufferStorage( renderbuffer, renderTarget, useMultisample ) {",
    "function setupDepthTexture( framebuffer, renderTarget, cubeFace ) {",
    "function setupDepthRenderbuffer( renderTarget ) {",
    "function rebindTextures( renderTarget, colorTexture, depthTexture ) {",
    "function setupRenderTarget( renderTarget ) {",
    "function updateRenderTargetMipmap( renderTarget ) {",
    "function updateMultisampleRenderTarget( renderTarget ) {",
  ].map((start) => throwing(`\t${start}`, `WebGLTextures.${/function (\w+)/.exec(start)[1]} (render targets and cube textures)`)),
  // WebGLMaterials' uniforms of the materials the game does not draw with.
  ...[
    "function refreshUniformsDash( uniforms, material ) {",
    "function refreshUniformsPoints( uniforms, material, pixelRatio, height ) {",
    "function refreshUniformsSprites( uniforms, material ) {",
    "function refreshUniformsPhong( uniforms, material ) {",
    "function refreshUniformsToon( uniforms, material ) {",
    "function refreshUniformsStandard( uniforms, material ) {",
    "function refreshUniformsPhysical( uniforms, material, transmissionRenderTarget ) {",
    "function refreshUniformsDistance( uniforms, material ) {",
  ].map((start) => throwing(`\t${start}`, `WebGLMaterials.${/function (\w+)/.exec(start)[1]} (materials other than basic, line and matcap)`)),
  // WebGLRenderer's API the game does not call, and transmission (no transmissive material).
  ...[
    "this.compile = function ( scene, camera, targetScene = null ) {",
    "this.compileAsync = function ( scene, camera, targetScene = null ) {",
    "this.setRenderTargetTextures = function ( renderTarget, colorTexture, depthTexture ) {",
    "this.readRenderTargetPixels = function ( renderTarget, x, y, width, height, buffer, activeCubeFaceIndex, textureIndex = 0 ) {",
    "this.readRenderTargetPixelsAsync = async function ( renderTarget, x, y, width, height, buffer, activeCubeFaceIndex, textureIndex = 0 ) {",
    "this.copyFramebufferToTexture = function ( texture, position = null, level = 0 ) {",
    "this.copyTextureToTexture = function ( srcTexture, dstTexture, srcRegion = null, dstPosition = null, srcLevel = 0, dstLevel = 0 ) {",
    "function renderTransmissionPass( opaqueObjects, transmissiveObjects, scene, camera ) {",
  ].map((start) => throwing(`\t\t${start}`, `WebGLRenderer.${/(\w+)(?: = (?:async )?function|\()/.exec(start.replace(/^this\./, ""))[1]}`)),
];

function fail(message) {
  throw new Error(`bundler/three-renderer-stubs.cjs: ${message} (has three.js's build changed?)`);
}

/**
 * three.module.js with each STUBS declaration replaced: from its first line to its end, the first
 * line after it that closes a block at the first line's indentation (or its own `end`).
 */
function stubRendererParts(code, stubs = STUBS) {
  let out = code;
  for (const { start, stub, end = `${/^\t*/.exec(start)[0]}}` } of stubs) {
    const from = out.indexOf(`\n${start}\n`);
    if (from < 0 || out.indexOf(`\n${start}\n`, from + 1) >= 0) fail(`no single \`${start.trim()}\``);
    const to = out.indexOf(`\n${end}\n`, from + 1);
    if (to < 0) fail(`no end of \`${start.trim()}\``);
    out = `${out.slice(0, from + 1)}${stub}${out.slice(to + end.length + 1)}`;
  }
  return `${out}\n${STUBBED}\n`;
}

/** three.core.js's methods stubbed wherever a class has them (at least one each). */
const CORE_METHODS = [
  { name: "toJSON", part: "toJSON (serialization)" },
  { name: "raycast", part: "raycast (ray casting)" },
];

/** three.core.js's animation system: classes made only by animations (KeyframeTrack's subclasses, mixers, bindings). */
const CORE_CLASSES = ["class Interpolant {", "class KeyframeTrack {", "class PropertyBinding {"];

/** three.core.js with CORE_METHODS and CORE_CLASSES stubbed. */
function stubCoreParts(code) {
  let out = code;
  for (const { name, part } of CORE_METHODS) {
    let found = 0;
    out = out.replace(new RegExp(`\n\\t${name}\\([^)\\n]*\\) \\{\\n[\\s\\S]*?\\n\\t\\}\\n`, "g"), () => {
      found++;
      return `\n\t${name}() {\n\n\t\tthreeStubbed( '${part}' );\n\n\t}\n`;
    });
    if (found === 0) fail(`no method ${name}`);
  }
  const classes = CORE_CLASSES.map((start) => ({
    start,
    stub: `${start}\n\n\tconstructor() {\n\n\t\tthreeStubbed( '${/class (\w+)/.exec(start)[1]} (animation)' );\n\n\t}\n\n}`,
  }));
  return stubRendererParts(out, classes);
}

module.exports = function threeRendererStubsLoader(code) {
  return this.resourcePath.endsWith("three.core.js") ? stubCoreParts(code) : stubRendererParts(code);
};
module.exports.stubRendererParts = stubRendererParts;
module.exports.stubCoreParts = stubCoreParts;
module.exports.CORE_METHODS = CORE_METHODS;
module.exports.STUBS = STUBS;
module.exports.XR_API = XR_API;
