; ModuleID = "symgrad_nd_a428749fa69b"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define void @"kernel"(ptr %"slots", ptr %"dims") nounwind
{
allocas:
  %"transa" = alloca i8
  %"transb" = alloca i8
  %"alpha" = alloca double
  %"beta" = alloca double
  %"m" = alloca i32
  %"n" = alloca i32
  %"k" = alloca i32
  %"lda" = alloca i32
  %"ldb" = alloca i32
  %"ldc" = alloca i32
  %"acc.t12" = alloca double
  %"acc.t14" = alloca double
  %"acc.t20" = alloca double
  %"acc.t32" = alloca double
  %"transa.1" = alloca i8
  %"transb.1" = alloca i8
  %"alpha.1" = alloca double
  %"beta.1" = alloca double
  %"m.1" = alloca i32
  %"n.1" = alloca i32
  %"k.1" = alloca i32
  %"lda.1" = alloca i32
  %"ldb.1" = alloca i32
  %"ldc.1" = alloca i32
  br label %"entry"
entry:
  %".4" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".4"
  %".5" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_b" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_w" = load ptr, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_x" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_t0" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_t2" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_t6" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t10" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t12" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t14" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t20" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t30" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t31" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t32" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t33" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t36" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t38" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".21"
  br label %"t0.0.head"
t0.0.head:
  %"t0.i0" = phi  i64 [0, %"entry"], [%".86", %"t0.1.done"]
  %".23" = icmp slt i64 %"t0.i0", %"N"
  br i1 %".23", label %"t0.0.body", label %"t0.0.done"
t0.0.body:
  br label %"t0.1.head"
t0.0.done:
  br label %"t2.0.head"
t0.1.head:
  %"t0.i1" = phi  i64 [0, %"t0.0.body"], [%".84", %"t0.2.done"]
  %".26" = icmp slt i64 %"t0.i1", 1
  br i1 %".26", label %"t0.1.body", label %"t0.1.done"
t0.1.body:
  br label %"t0.2.head"
t0.1.done:
  %".86" = add nsw i64 %"t0.i0", 1
  br label %"t0.0.head"
t0.2.head:
  %"t0.i2" = phi  i64 [0, %"t0.1.body"], [%".82", %"t0.3.done"]
  %".29" = icmp slt i64 %"t0.i2", 6
  br i1 %".29", label %"t0.2.body", label %"t0.2.done"
t0.2.body:
  br label %"t0.3.head"
t0.2.done:
  %".84" = add nsw i64 %"t0.i1", 1
  br label %"t0.1.head"
t0.3.head:
  %"t0.i3" = phi  i64 [0, %"t0.2.body"], [%".80", %"t0.3.body"]
  %".32" = icmp slt i64 %"t0.i3", 6
  br i1 %".32", label %"t0.3.body", label %"t0.3.done"
t0.3.body:
  %".34" = mul i64 1, 6
  %".35" = mul i64 %".34", 6
  %".36" = mul i64 %".35", 1
  %".37" = mul i64 %".36", %"N"
  %".38" = mul i64 %"t0.i0", %".36"
  %".39" = add i64 0, %".38"
  %".40" = mul i64 %"t0.i1", %".35"
  %".41" = add i64 %".39", %".40"
  %".42" = mul i64 %"t0.i2", %".34"
  %".43" = add i64 %".41", %".42"
  %".44" = mul i64 %"t0.i3", 1
  %".45" = add i64 %".43", %".44"
  %".46" = sub i64 %"t0.i2", 1
  %".47" = icmp sge i64 %".46", 0
  %".48" = icmp slt i64 %".46", 4
  %".49" = and i1 %".47", %".48"
  %".50" = sub i64 4, 1
  %".51" = icmp slt i64 %".46", 0
  %".52" = select  i1 %".51", i64 0, i64 %".46"
  %".53" = icmp sgt i64 %".52", %".50"
  %".54" = select  i1 %".53", i64 %".50", i64 %".52"
  %".55" = sub i64 %"t0.i3", 1
  %".56" = icmp sge i64 %".55", 0
  %".57" = icmp slt i64 %".55", 4
  %".58" = and i1 %".56", %".57"
  %".59" = and i1 %".49", %".58"
  %".60" = sub i64 4, 1
  %".61" = icmp slt i64 %".55", 0
  %".62" = select  i1 %".61", i64 0, i64 %".55"
  %".63" = icmp sgt i64 %".62", %".60"
  %".64" = select  i1 %".63", i64 %".60", i64 %".62"
  %".65" = mul i64 1, 4
  %".66" = mul i64 %".65", 4
  %".67" = mul i64 %".66", 1
  %".68" = mul i64 %".67", %"N"
  %".69" = mul i64 %"t0.i0", %".67"
  %".70" = add i64 0, %".69"
  %".71" = mul i64 %".54", %".65"
  %".72" = add i64 %".70", %".71"
  %".73" = mul i64 %".64", 1
  %".74" = add i64 %".72", %".73"
  %".75" = getelementptr inbounds double, ptr %"buf_x", i64 %".74"
  %".76" = load double, ptr %".75"
  %".77" = select  i1 %".59", double %".76", double              0x0
  %".78" = getelementptr inbounds double, ptr %"buf_t0", i64 %".45"
  store double %".77", ptr %".78"
  %".80" = add nsw i64 %"t0.i3", 1
  br label %"t0.3.head"
t0.3.done:
  %".82" = add nsw i64 %"t0.i2", 1
  br label %"t0.2.head"
t2.0.head:
  %"t2.i0" = phi  i64 [0, %"t0.0.done"], [%".152", %"t2.1.done"]
  %".89" = icmp slt i64 %"t2.i0", %"N"
  br i1 %".89", label %"t2.0.body", label %"t2.0.done"
t2.0.body:
  br label %"t2.1.head"
t2.0.done:
  store i8 84, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".158" = trunc i64 2 to i32
  store i32 %".158", i32* %"m"
  %".160" = mul i64 16, %"N"
  %".161" = trunc i64 %".160" to i32
  store i32 %".161", i32* %"n"
  %".163" = trunc i64 9 to i32
  store i32 %".163", i32* %"k"
  %".165" = icmp slt i64 9, 1
  %".166" = select  i1 %".165", i64 1, i64 9
  %".167" = trunc i64 %".166" to i32
  store i32 %".167", i32* %"lda"
  %".169" = icmp slt i64 9, 1
  %".170" = select  i1 %".169", i64 1, i64 9
  %".171" = trunc i64 %".170" to i32
  store i32 %".171", i32* %"ldb"
  %".173" = icmp slt i64 2, 1
  %".174" = select  i1 %".173", i64 1, i64 2
  %".175" = trunc i64 %".174" to i32
  store i32 %".175", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_w", i32* %"lda", ptr %"buf_t2", i32* %"ldb", double* %"beta", ptr %"buf_t6", i32* %"ldc")
  br label %"t10.0.head"
t2.1.head:
  %"t2.i1" = phi  i64 [0, %"t2.0.body"], [%".150", %"t2.2.done"]
  %".92" = icmp slt i64 %"t2.i1", 4
  br i1 %".92", label %"t2.1.body", label %"t2.1.done"
t2.1.body:
  br label %"t2.2.head"
t2.1.done:
  %".152" = add nsw i64 %"t2.i0", 1
  br label %"t2.0.head"
t2.2.head:
  %"t2.i2" = phi  i64 [0, %"t2.1.body"], [%".148", %"t2.3.done"]
  %".95" = icmp slt i64 %"t2.i2", 4
  br i1 %".95", label %"t2.2.body", label %"t2.2.done"
t2.2.body:
  br label %"t2.3.head"
t2.2.done:
  %".150" = add nsw i64 %"t2.i1", 1
  br label %"t2.1.head"
t2.3.head:
  %"t2.i3" = phi  i64 [0, %"t2.2.body"], [%".146", %"t2.4.done"]
  %".98" = icmp slt i64 %"t2.i3", 1
  br i1 %".98", label %"t2.3.body", label %"t2.3.done"
t2.3.body:
  br label %"t2.4.head"
t2.3.done:
  %".148" = add nsw i64 %"t2.i2", 1
  br label %"t2.2.head"
t2.4.head:
  %"t2.i4" = phi  i64 [0, %"t2.3.body"], [%".144", %"t2.5.done"]
  %".101" = icmp slt i64 %"t2.i4", 3
  br i1 %".101", label %"t2.4.body", label %"t2.4.done"
t2.4.body:
  br label %"t2.5.head"
t2.4.done:
  %".146" = add nsw i64 %"t2.i3", 1
  br label %"t2.3.head"
t2.5.head:
  %"t2.i5" = phi  i64 [0, %"t2.4.body"], [%".142", %"t2.5.body"]
  %".104" = icmp slt i64 %"t2.i5", 3
  br i1 %".104", label %"t2.5.body", label %"t2.5.done"
t2.5.body:
  %".106" = mul i64 1, 3
  %".107" = mul i64 %".106", 3
  %".108" = mul i64 %".107", 1
  %".109" = mul i64 %".108", 4
  %".110" = mul i64 %".109", 4
  %".111" = mul i64 %".110", %"N"
  %".112" = mul i64 %"t2.i0", %".110"
  %".113" = add i64 0, %".112"
  %".114" = mul i64 %"t2.i1", %".109"
  %".115" = add i64 %".113", %".114"
  %".116" = mul i64 %"t2.i2", %".108"
  %".117" = add i64 %".115", %".116"
  %".118" = mul i64 %"t2.i3", %".107"
  %".119" = add i64 %".117", %".118"
  %".120" = mul i64 %"t2.i4", %".106"
  %".121" = add i64 %".119", %".120"
  %".122" = mul i64 %"t2.i5", 1
  %".123" = add i64 %".121", %".122"
  %".124" = mul i64 %"t2.i1", 1
  %".125" = add i64 %".124", %"t2.i4"
  %".126" = mul i64 %"t2.i2", 1
  %".127" = add i64 %".126", %"t2.i5"
  %".128" = mul i64 1, 6
  %".129" = mul i64 %".128", 6
  %".130" = mul i64 %".129", 1
  %".131" = mul i64 %".130", %"N"
  %".132" = mul i64 %"t2.i0", %".130"
  %".133" = add i64 0, %".132"
  %".134" = mul i64 %".125", %".128"
  %".135" = add i64 %".133", %".134"
  %".136" = mul i64 %".127", 1
  %".137" = add i64 %".135", %".136"
  %".138" = getelementptr inbounds double, ptr %"buf_t0", i64 %".137"
  %".139" = load double, ptr %".138"
  %".140" = getelementptr inbounds double, ptr %"buf_t2", i64 %".123"
  store double %".139", ptr %".140"
  %".142" = add nsw i64 %"t2.i5", 1
  br label %"t2.5.head"
t2.5.done:
  %".144" = add nsw i64 %"t2.i4", 1
  br label %"t2.4.head"
t10.0.head:
  %"t10.i0" = phi  i64 [0, %"t2.0.done"], [%".232", %"t10.1.done"]
  %".179" = icmp slt i64 %"t10.i0", %"N"
  br i1 %".179", label %"t10.0.body", label %"t10.0.done"
t10.0.body:
  br label %"t10.1.head"
t10.0.done:
  br label %"t12.0.head"
t10.1.head:
  %"t10.i1" = phi  i64 [0, %"t10.0.body"], [%".230", %"t10.2.done"]
  %".182" = icmp slt i64 %"t10.i1", 2
  br i1 %".182", label %"t10.1.body", label %"t10.1.done"
t10.1.body:
  br label %"t10.2.head"
t10.1.done:
  %".232" = add nsw i64 %"t10.i0", 1
  br label %"t10.0.head"
t10.2.head:
  %"t10.i2" = phi  i64 [0, %"t10.1.body"], [%".228", %"t10.3.done"]
  %".185" = icmp slt i64 %"t10.i2", 4
  br i1 %".185", label %"t10.2.body", label %"t10.2.done"
t10.2.body:
  br label %"t10.3.head"
t10.2.done:
  %".230" = add nsw i64 %"t10.i1", 1
  br label %"t10.1.head"
t10.3.head:
  %"t10.i3" = phi  i64 [0, %"t10.2.body"], [%".226", %"t10.3.body"]
  %".188" = icmp slt i64 %"t10.i3", 4
  br i1 %".188", label %"t10.3.body", label %"t10.3.done"
t10.3.body:
  %".190" = mul i64 1, 4
  %".191" = mul i64 %".190", 4
  %".192" = mul i64 %".191", 2
  %".193" = mul i64 %".192", %"N"
  %".194" = mul i64 %"t10.i0", %".192"
  %".195" = add i64 0, %".194"
  %".196" = mul i64 %"t10.i1", %".191"
  %".197" = add i64 %".195", %".196"
  %".198" = mul i64 %"t10.i2", %".190"
  %".199" = add i64 %".197", %".198"
  %".200" = mul i64 %"t10.i3", 1
  %".201" = add i64 %".199", %".200"
  %".202" = mul i64 1, 1
  %".203" = mul i64 %".202", 1
  %".204" = mul i64 %".203", 2
  %".205" = mul i64 %"t10.i1", %".203"
  %".206" = add i64 0, %".205"
  %".207" = getelementptr inbounds double, ptr %"buf_b", i64 %".206"
  %".208" = load double, ptr %".207"
  %".209" = mul i64 1, 2
  %".210" = mul i64 %".209", 4
  %".211" = mul i64 %".210", 4
  %".212" = mul i64 %".211", %"N"
  %".213" = mul i64 %"t10.i0", %".211"
  %".214" = add i64 0, %".213"
  %".215" = mul i64 %"t10.i2", %".210"
  %".216" = add i64 %".214", %".215"
  %".217" = mul i64 %"t10.i3", %".209"
  %".218" = add i64 %".216", %".217"
  %".219" = mul i64 %"t10.i1", 1
  %".220" = add i64 %".218", %".219"
  %".221" = getelementptr inbounds double, ptr %"buf_t6", i64 %".220"
  %".222" = load double, ptr %".221"
  %".223" = fadd double %".208", %".222"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".223")
  %".224" = getelementptr inbounds double, ptr %"buf_t10", i64 %".201"
  store double %"tanh", ptr %".224"
  %".226" = add nsw i64 %"t10.i3", 1
  br label %"t10.3.head"
t10.3.done:
  %".228" = add nsw i64 %"t10.i2", 1
  br label %"t10.2.head"
t12.0.head:
  %"t12.i0" = phi  i64 [0, %"t10.0.done"], [%".300", %"t12.1.done"]
  %".235" = icmp slt i64 %"t12.i0", %"N"
  br i1 %".235", label %"t12.0.body", label %"t12.0.done"
t12.0.body:
  br label %"t12.1.head"
t12.0.done:
  store double              0x0, double* %"acc.t14"
  br label %"t14.r.0.head"
t12.1.head:
  %"t12.i1" = phi  i64 [0, %"t12.0.body"], [%".298", %"t12.2.done"]
  %".238" = icmp slt i64 %"t12.i1", 2
  br i1 %".238", label %"t12.1.body", label %"t12.1.done"
t12.1.body:
  br label %"t12.2.head"
t12.1.done:
  %".300" = add nsw i64 %"t12.i0", 1
  br label %"t12.0.head"
t12.2.head:
  %"t12.i2" = phi  i64 [0, %"t12.1.body"], [%".296", %"t12.3.done"]
  %".241" = icmp slt i64 %"t12.i2", 2
  br i1 %".241", label %"t12.2.body", label %"t12.2.done"
t12.2.body:
  br label %"t12.3.head"
t12.2.done:
  %".298" = add nsw i64 %"t12.i1", 1
  br label %"t12.1.head"
t12.3.head:
  %"t12.i3" = phi  i64 [0, %"t12.2.body"], [%".294", %"t12.r.0.done"]
  %".244" = icmp slt i64 %"t12.i3", 2
  br i1 %".244", label %"t12.3.body", label %"t12.3.done"
t12.3.body:
  store double 0xfff0000000000000, double* %"acc.t12"
  br label %"t12.r.0.head"
t12.3.done:
  %".296" = add nsw i64 %"t12.i2", 1
  br label %"t12.2.head"
t12.r.0.head:
  %"t12.r.i0" = phi  i64 [0, %"t12.3.body"], [%".277", %"t12.r.1.done"]
  %".248" = icmp slt i64 %"t12.r.i0", 2
  br i1 %".248", label %"t12.r.0.body", label %"t12.r.0.done"
t12.r.0.body:
  br label %"t12.r.1.head"
t12.r.0.done:
  %".279" = mul i64 1, 2
  %".280" = mul i64 %".279", 2
  %".281" = mul i64 %".280", 2
  %".282" = mul i64 %".281", %"N"
  %".283" = mul i64 %"t12.i0", %".281"
  %".284" = add i64 0, %".283"
  %".285" = mul i64 %"t12.i1", %".280"
  %".286" = add i64 %".284", %".285"
  %".287" = mul i64 %"t12.i2", %".279"
  %".288" = add i64 %".286", %".287"
  %".289" = mul i64 %"t12.i3", 1
  %".290" = add i64 %".288", %".289"
  %".291" = load double, double* %"acc.t12"
  %".292" = getelementptr inbounds double, ptr %"buf_t12", i64 %".290"
  store double %".291", ptr %".292"
  %".294" = add nsw i64 %"t12.i3", 1
  br label %"t12.3.head"
t12.r.1.head:
  %"t12.r.i1" = phi  i64 [0, %"t12.r.0.body"], [%".275", %"t12.r.1.body"]
  %".251" = icmp slt i64 %"t12.r.i1", 2
  br i1 %".251", label %"t12.r.1.body", label %"t12.r.1.done"
t12.r.1.body:
  %".253" = mul i64 %"t12.i2", 2
  %".254" = add i64 %".253", %"t12.r.i0"
  %".255" = mul i64 %"t12.i3", 2
  %".256" = add i64 %".255", %"t12.r.i1"
  %".257" = mul i64 1, 4
  %".258" = mul i64 %".257", 4
  %".259" = mul i64 %".258", 2
  %".260" = mul i64 %".259", %"N"
  %".261" = mul i64 %"t12.i0", %".259"
  %".262" = add i64 0, %".261"
  %".263" = mul i64 %"t12.i1", %".258"
  %".264" = add i64 %".262", %".263"
  %".265" = mul i64 %".254", %".257"
  %".266" = add i64 %".264", %".265"
  %".267" = mul i64 %".256", 1
  %".268" = add i64 %".266", %".267"
  %".269" = getelementptr inbounds double, ptr %"buf_t10", i64 %".268"
  %".270" = load double, ptr %".269"
  %".271" = load double, double* %"acc.t12"
  %".272" = fcmp oge double %".270", %".271"
  %"isnan" = fcmp uno double %".270", %".270"
  %".273" = or i1 %".272", %"isnan"
  %"max" = select  i1 %".273", double %".270", double %".271"
  store double %"max", double* %"acc.t12"
  %".275" = add nsw i64 %"t12.r.i1", 1
  br label %"t12.r.1.head"
t12.r.1.done:
  %".277" = add nsw i64 %"t12.r.i0", 1
  br label %"t12.r.0.head"
t14.r.0.head:
  %"t14.r.i0" = phi  i64 [0, %"t12.0.done"], [%".353", %"t14.r.1.done"]
  %".304" = icmp slt i64 %"t14.r.i0", %"N"
  br i1 %".304", label %"t14.r.0.body", label %"t14.r.0.done"
t14.r.0.body:
  br label %"t14.r.1.head"
t14.r.0.done:
  %".355" = load double, double* %"acc.t14"
  %".356" = getelementptr inbounds double, ptr %"buf_t14", i64 0
  store double %".355", ptr %".356"
  br label %"t20.0.head"
t14.r.1.head:
  %"t14.r.i1" = phi  i64 [0, %"t14.r.0.body"], [%".351", %"t14.r.2.done"]
  %".307" = icmp slt i64 %"t14.r.i1", 2
  br i1 %".307", label %"t14.r.1.body", label %"t14.r.1.done"
t14.r.1.body:
  br label %"t14.r.2.head"
t14.r.1.done:
  %".353" = add nsw i64 %"t14.r.i0", 1
  br label %"t14.r.0.head"
t14.r.2.head:
  %"t14.r.i2" = phi  i64 [0, %"t14.r.1.body"], [%".349", %"t14.r.3.done"]
  %".310" = icmp slt i64 %"t14.r.i2", 2
  br i1 %".310", label %"t14.r.2.body", label %"t14.r.2.done"
t14.r.2.body:
  br label %"t14.r.3.head"
t14.r.2.done:
  %".351" = add nsw i64 %"t14.r.i1", 1
  br label %"t14.r.1.head"
t14.r.3.head:
  %"t14.r.i3" = phi  i64 [0, %"t14.r.2.body"], [%".347", %"t14.r.3.body"]
  %".313" = icmp slt i64 %"t14.r.i3", 2
  br i1 %".313", label %"t14.r.3.body", label %"t14.r.3.done"
t14.r.3.body:
  %".315" = mul i64 1, 2
  %".316" = mul i64 %".315", 2
  %".317" = mul i64 %".316", 2
  %".318" = mul i64 %".317", %"N"
  %".319" = mul i64 %"t14.r.i0", %".317"
  %".320" = add i64 0, %".319"
  %".321" = mul i64 %"t14.r.i1", %".316"
  %".322" = add i64 %".320", %".321"
  %".323" = mul i64 %"t14.r.i2", %".315"
  %".324" = add i64 %".322", %".323"
  %".325" = mul i64 %"t14.r.i3", 1
  %".326" = add i64 %".324", %".325"
  %".327" = getelementptr inbounds double, ptr %"buf_t12", i64 %".326"
  %".328" = load double, ptr %".327"
  %".329" = mul i64 1, 2
  %".330" = mul i64 %".329", 2
  %".331" = mul i64 %".330", 2
  %".332" = mul i64 %".331", %"N"
  %".333" = mul i64 %"t14.r.i0", %".331"
  %".334" = add i64 0, %".333"
  %".335" = mul i64 %"t14.r.i1", %".330"
  %".336" = add i64 %".334", %".335"
  %".337" = mul i64 %"t14.r.i2", %".329"
  %".338" = add i64 %".336", %".337"
  %".339" = mul i64 %"t14.r.i3", 1
  %".340" = add i64 %".338", %".339"
  %".341" = getelementptr inbounds double, ptr %"buf_t12", i64 %".340"
  %".342" = load double, ptr %".341"
  %".343" = fmul double %".328", %".342"
  %".344" = load double, double* %"acc.t14"
  %".345" = fadd double %".344", %".343"
  store double %".345", double* %"acc.t14"
  %".347" = add nsw i64 %"t14.r.i3", 1
  br label %"t14.r.3.head"
t14.r.3.done:
  %".349" = add nsw i64 %"t14.r.i2", 1
  br label %"t14.r.2.head"
t20.0.head:
  %"t20.i0" = phi  i64 [0, %"t14.r.0.done"], [%".461", %"t20.1.done"]
  %".359" = icmp slt i64 %"t20.i0", %"N"
  br i1 %".359", label %"t20.0.body", label %"t20.0.done"
t20.0.body:
  br label %"t20.1.head"
t20.0.done:
  br label %"t30.0.head"
t20.1.head:
  %"t20.i1" = phi  i64 [0, %"t20.0.body"], [%".459", %"t20.2.done"]
  %".362" = icmp slt i64 %"t20.i1", 2
  br i1 %".362", label %"t20.1.body", label %"t20.1.done"
t20.1.body:
  br label %"t20.2.head"
t20.1.done:
  %".461" = add nsw i64 %"t20.i0", 1
  br label %"t20.0.head"
t20.2.head:
  %"t20.i2" = phi  i64 [0, %"t20.1.body"], [%".457", %"t20.3.done"]
  %".365" = icmp slt i64 %"t20.i2", 2
  br i1 %".365", label %"t20.2.body", label %"t20.2.done"
t20.2.body:
  br label %"t20.3.head"
t20.2.done:
  %".459" = add nsw i64 %"t20.i1", 1
  br label %"t20.1.head"
t20.3.head:
  %"t20.i3" = phi  i64 [0, %"t20.2.body"], [%".455", %"t20.4.done"]
  %".368" = icmp slt i64 %"t20.i3", 2
  br i1 %".368", label %"t20.3.body", label %"t20.3.done"
t20.3.body:
  br label %"t20.4.head"
t20.3.done:
  %".457" = add nsw i64 %"t20.i2", 1
  br label %"t20.2.head"
t20.4.head:
  %"t20.i4" = phi  i64 [0, %"t20.3.body"], [%".453", %"t20.5.done"]
  %".371" = icmp slt i64 %"t20.i4", 1
  br i1 %".371", label %"t20.4.body", label %"t20.4.done"
t20.4.body:
  br label %"t20.5.head"
t20.4.done:
  %".455" = add nsw i64 %"t20.i3", 1
  br label %"t20.3.head"
t20.5.head:
  %"t20.i5" = phi  i64 [0, %"t20.4.body"], [%".451", %"t20.r.0.done"]
  %".374" = icmp slt i64 %"t20.i5", 1
  br i1 %".374", label %"t20.5.body", label %"t20.5.done"
t20.5.body:
  store double              0x0, double* %"acc.t20"
  br label %"t20.r.0.head"
t20.5.done:
  %".453" = add nsw i64 %"t20.i4", 1
  br label %"t20.4.head"
t20.r.0.head:
  %"t20.r.i0" = phi  i64 [0, %"t20.5.body"], [%".428", %"t20.r.1.done"]
  %".378" = icmp slt i64 %"t20.r.i0", 2
  br i1 %".378", label %"t20.r.0.body", label %"t20.r.0.done"
t20.r.0.body:
  br label %"t20.r.1.head"
t20.r.0.done:
  %".430" = mul i64 1, 1
  %".431" = mul i64 %".430", 1
  %".432" = mul i64 %".431", 2
  %".433" = mul i64 %".432", 2
  %".434" = mul i64 %".433", 2
  %".435" = mul i64 %".434", %"N"
  %".436" = mul i64 %"t20.i0", %".434"
  %".437" = add i64 0, %".436"
  %".438" = mul i64 %"t20.i1", %".433"
  %".439" = add i64 %".437", %".438"
  %".440" = mul i64 %"t20.i2", %".432"
  %".441" = add i64 %".439", %".440"
  %".442" = mul i64 %"t20.i3", %".431"
  %".443" = add i64 %".441", %".442"
  %".444" = mul i64 %"t20.i4", %".430"
  %".445" = add i64 %".443", %".444"
  %".446" = mul i64 %"t20.i5", 1
  %".447" = add i64 %".445", %".446"
  %".448" = load double, double* %"acc.t20"
  %".449" = getelementptr inbounds double, ptr %"buf_t20", i64 %".447"
  store double %".448", ptr %".449"
  %".451" = add nsw i64 %"t20.i5", 1
  br label %"t20.5.head"
t20.r.1.head:
  %"t20.r.i1" = phi  i64 [0, %"t20.r.0.body"], [%".426", %"t20.r.1.body"]
  %".381" = icmp slt i64 %"t20.r.i1", 2
  br i1 %".381", label %"t20.r.1.body", label %"t20.r.1.done"
t20.r.1.body:
  %".383" = mul i64 %"t20.i2", 2
  %".384" = add i64 %".383", %"t20.r.i0"
  %".385" = mul i64 %"t20.i3", 2
  %".386" = add i64 %".385", %"t20.r.i1"
  %".387" = mul i64 1, 4
  %".388" = mul i64 %".387", 4
  %".389" = mul i64 %".388", 2
  %".390" = mul i64 %".389", %"N"
  %".391" = mul i64 %"t20.i0", %".389"
  %".392" = add i64 0, %".391"
  %".393" = mul i64 %"t20.i1", %".388"
  %".394" = add i64 %".392", %".393"
  %".395" = mul i64 %".384", %".387"
  %".396" = add i64 %".394", %".395"
  %".397" = mul i64 %".386", 1
  %".398" = add i64 %".396", %".397"
  %".399" = getelementptr inbounds double, ptr %"buf_t10", i64 %".398"
  %".400" = load double, ptr %".399"
  %".401" = mul i64 1, 1
  %".402" = mul i64 %".401", 1
  %".403" = mul i64 %".402", 2
  %".404" = mul i64 %".403", 2
  %".405" = mul i64 %".404", 2
  %".406" = mul i64 %".405", %"N"
  %".407" = mul i64 %"t20.i0", %".405"
  %".408" = add i64 0, %".407"
  %".409" = mul i64 %"t20.i1", %".404"
  %".410" = add i64 %".408", %".409"
  %".411" = mul i64 %"t20.i2", %".403"
  %".412" = add i64 %".410", %".411"
  %".413" = mul i64 %"t20.i3", %".402"
  %".414" = add i64 %".412", %".413"
  %".415" = mul i64 0, %".401"
  %".416" = add i64 %".414", %".415"
  %".417" = mul i64 0, 1
  %".418" = add i64 %".416", %".417"
  %".419" = getelementptr inbounds double, ptr %"buf_t12", i64 %".418"
  %".420" = load double, ptr %".419"
  %".421" = fcmp oeq double %".400", %".420"
  %".422" = select  i1 %".421", double 0x3ff0000000000000, double              0x0
  %".423" = load double, double* %"acc.t20"
  %".424" = fadd double %".423", %".422"
  store double %".424", double* %"acc.t20"
  %".426" = add nsw i64 %"t20.r.i1", 1
  br label %"t20.r.1.head"
t20.r.1.done:
  %".428" = add nsw i64 %"t20.r.i0", 1
  br label %"t20.r.0.head"
t30.0.head:
  %"t30.i0" = phi  i64 [0, %"t20.0.done"], [%".614", %"t30.1.done"]
  %".464" = icmp slt i64 %"t30.i0", %"N"
  br i1 %".464", label %"t30.0.body", label %"t30.0.done"
t30.0.body:
  br label %"t30.1.head"
t30.0.done:
  br label %"t31.init.0.head"
t30.1.head:
  %"t30.i1" = phi  i64 [0, %"t30.0.body"], [%".612", %"t30.2.done"]
  %".467" = icmp slt i64 %"t30.i1", 2
  br i1 %".467", label %"t30.1.body", label %"t30.1.done"
t30.1.body:
  br label %"t30.2.head"
t30.1.done:
  %".614" = add nsw i64 %"t30.i0", 1
  br label %"t30.0.head"
t30.2.head:
  %"t30.i2" = phi  i64 [0, %"t30.1.body"], [%".610", %"t30.3.done"]
  %".470" = icmp slt i64 %"t30.i2", 4
  br i1 %".470", label %"t30.2.body", label %"t30.2.done"
t30.2.body:
  br label %"t30.3.head"
t30.2.done:
  %".612" = add nsw i64 %"t30.i1", 1
  br label %"t30.1.head"
t30.3.head:
  %"t30.i3" = phi  i64 [0, %"t30.2.body"], [%".608", %"t30.3.body"]
  %".473" = icmp slt i64 %"t30.i3", 4
  br i1 %".473", label %"t30.3.body", label %"t30.3.done"
t30.3.body:
  %".475" = mul i64 1, 4
  %".476" = mul i64 %".475", 4
  %".477" = mul i64 %".476", 2
  %".478" = mul i64 %".477", %"N"
  %".479" = mul i64 %"t30.i0", %".477"
  %".480" = add i64 0, %".479"
  %".481" = mul i64 %"t30.i1", %".476"
  %".482" = add i64 %".480", %".481"
  %".483" = mul i64 %"t30.i2", %".475"
  %".484" = add i64 %".482", %".483"
  %".485" = mul i64 %"t30.i3", 1
  %".486" = add i64 %".484", %".485"
  %".487" = udiv i64 %"t30.i2", 2
  %".488" = icmp slt i64 %".487", 2
  %".489" = select  i1 %".488", i64 %".487", i64 1
  %".490" = urem i64 %"t30.i2", 2
  %".491" = udiv i64 %"t30.i3", 2
  %".492" = icmp slt i64 %".491", 2
  %".493" = select  i1 %".492", i64 %".491", i64 1
  %".494" = urem i64 %"t30.i3", 2
  %".495" = and i1 %".488", %".492"
  %".496" = mul i64 0, 1
  %".497" = add i64 %".496", 0
  %".498" = mul i64 0, 1
  %".499" = add i64 %".498", 0
  %".500" = mul i64 1, 2
  %".501" = mul i64 %".500", 2
  %".502" = mul i64 %".501", 2
  %".503" = mul i64 %".502", %"N"
  %".504" = mul i64 %"t30.i0", %".502"
  %".505" = add i64 0, %".504"
  %".506" = mul i64 %"t30.i1", %".501"
  %".507" = add i64 %".505", %".506"
  %".508" = mul i64 %".489", %".500"
  %".509" = add i64 %".507", %".508"
  %".510" = mul i64 %".493", 1
  %".511" = add i64 %".509", %".510"
  %".512" = getelementptr inbounds double, ptr %"buf_t12", i64 %".511"
  %".513" = load double, ptr %".512"
  %".514" = fmul double %".513", 0x4000000000000000
  %".515" = mul i64 1, 1
  %".516" = mul i64 %".515", 1
  %".517" = mul i64 %".516", 2
  %".518" = mul i64 %".517", 2
  %".519" = mul i64 %".518", 2
  %".520" = mul i64 %".519", %"N"
  %".521" = mul i64 %"t30.i0", %".519"
  %".522" = add i64 0, %".521"
  %".523" = mul i64 %"t30.i1", %".518"
  %".524" = add i64 %".522", %".523"
  %".525" = mul i64 %".489", %".517"
  %".526" = add i64 %".524", %".525"
  %".527" = mul i64 %".493", %".516"
  %".528" = add i64 %".526", %".527"
  %".529" = getelementptr inbounds double, ptr %"buf_t20", i64 %".528"
  %".530" = load double, ptr %".529"
  %".531" = fdiv double 0x3ff0000000000000, %".530"
  %".532" = fmul double %".514", %".531"
  %".533" = mul i64 %".489", 2
  %".534" = add i64 %".533", %".490"
  %".535" = mul i64 %".493", 2
  %".536" = add i64 %".535", %".494"
  %".537" = mul i64 1, 4
  %".538" = mul i64 %".537", 4
  %".539" = mul i64 %".538", 2
  %".540" = mul i64 %".539", %"N"
  %".541" = mul i64 %"t30.i0", %".539"
  %".542" = add i64 0, %".541"
  %".543" = mul i64 %"t30.i1", %".538"
  %".544" = add i64 %".542", %".543"
  %".545" = mul i64 %".534", %".537"
  %".546" = add i64 %".544", %".545"
  %".547" = mul i64 %".536", 1
  %".548" = add i64 %".546", %".547"
  %".549" = getelementptr inbounds double, ptr %"buf_t10", i64 %".548"
  %".550" = load double, ptr %".549"
  %".551" = mul i64 1, 1
  %".552" = mul i64 %".551", 1
  %".553" = mul i64 %".552", 2
  %".554" = mul i64 %".553", 2
  %".555" = mul i64 %".554", 2
  %".556" = mul i64 %".555", %"N"
  %".557" = mul i64 %"t30.i0", %".555"
  %".558" = add i64 0, %".557"
  %".559" = mul i64 %"t30.i1", %".554"
  %".560" = add i64 %".558", %".559"
  %".561" = mul i64 %".489", %".553"
  %".562" = add i64 %".560", %".561"
  %".563" = mul i64 %".493", %".552"
  %".564" = add i64 %".562", %".563"
  %".565" = mul i64 0, %".551"
  %".566" = add i64 %".564", %".565"
  %".567" = mul i64 0, 1
  %".568" = add i64 %".566", %".567"
  %".569" = getelementptr inbounds double, ptr %"buf_t12", i64 %".568"
  %".570" = load double, ptr %".569"
  %".571" = fcmp oeq double %".550", %".570"
  %".572" = select  i1 %".571", double %".532", double              0x0
  %".573" = select  i1 %".495", double %".572", double              0x0
  %".574" = mul i64 1, 4
  %".575" = mul i64 %".574", 4
  %".576" = mul i64 %".575", 2
  %".577" = mul i64 %".576", %"N"
  %".578" = mul i64 %"t30.i0", %".576"
  %".579" = add i64 0, %".578"
  %".580" = mul i64 %"t30.i1", %".575"
  %".581" = add i64 %".579", %".580"
  %".582" = mul i64 %"t30.i2", %".574"
  %".583" = add i64 %".581", %".582"
  %".584" = mul i64 %"t30.i3", 1
  %".585" = add i64 %".583", %".584"
  %".586" = getelementptr inbounds double, ptr %"buf_t10", i64 %".585"
  %".587" = load double, ptr %".586"
  %".588" = mul i64 1, 4
  %".589" = mul i64 %".588", 4
  %".590" = mul i64 %".589", 2
  %".591" = mul i64 %".590", %"N"
  %".592" = mul i64 %"t30.i0", %".590"
  %".593" = add i64 0, %".592"
  %".594" = mul i64 %"t30.i1", %".589"
  %".595" = add i64 %".593", %".594"
  %".596" = mul i64 %"t30.i2", %".588"
  %".597" = add i64 %".595", %".596"
  %".598" = mul i64 %"t30.i3", 1
  %".599" = add i64 %".597", %".598"
  %".600" = getelementptr inbounds double, ptr %"buf_t10", i64 %".599"
  %".601" = load double, ptr %".600"
  %".602" = fmul double %".587", %".601"
  %".603" = fneg double %".602"
  %".604" = fadd double 0x3ff0000000000000, %".603"
  %".605" = fmul double %".573", %".604"
  %".606" = getelementptr inbounds double, ptr %"buf_t30", i64 %".486"
  store double %".605", ptr %".606"
  %".608" = add nsw i64 %"t30.i3", 1
  br label %"t30.3.head"
t30.3.done:
  %".610" = add nsw i64 %"t30.i2", 1
  br label %"t30.2.head"
t31.init.0.head:
  %"t31.init.i0" = phi  i64 [0, %"t30.0.done"], [%".640", %"t31.init.1.done"]
  %".617" = icmp slt i64 %"t31.init.i0", 2
  br i1 %".617", label %"t31.init.0.body", label %"t31.init.0.done"
t31.init.0.body:
  br label %"t31.init.1.head"
t31.init.0.done:
  br label %"t31.0.head"
t31.init.1.head:
  %"t31.init.i1" = phi  i64 [0, %"t31.init.0.body"], [%".638", %"t31.init.2.done"]
  %".620" = icmp slt i64 %"t31.init.i1", 4
  br i1 %".620", label %"t31.init.1.body", label %"t31.init.1.done"
t31.init.1.body:
  br label %"t31.init.2.head"
t31.init.1.done:
  %".640" = add nsw i64 %"t31.init.i0", 1
  br label %"t31.init.0.head"
t31.init.2.head:
  %"t31.init.i2" = phi  i64 [0, %"t31.init.1.body"], [%".636", %"t31.init.2.body"]
  %".623" = icmp slt i64 %"t31.init.i2", 4
  br i1 %".623", label %"t31.init.2.body", label %"t31.init.2.done"
t31.init.2.body:
  %".625" = mul i64 1, 4
  %".626" = mul i64 %".625", 4
  %".627" = mul i64 %".626", 2
  %".628" = mul i64 %"t31.init.i0", %".626"
  %".629" = add i64 0, %".628"
  %".630" = mul i64 %"t31.init.i1", %".625"
  %".631" = add i64 %".629", %".630"
  %".632" = mul i64 %"t31.init.i2", 1
  %".633" = add i64 %".631", %".632"
  %".634" = getelementptr inbounds double, ptr %"buf_t31", i64 %".633"
  store double              0x0, ptr %".634"
  %".636" = add nsw i64 %"t31.init.i2", 1
  br label %"t31.init.2.head"
t31.init.2.done:
  %".638" = add nsw i64 %"t31.init.i1", 1
  br label %"t31.init.1.head"
t31.0.head:
  %"t31.i0" = phi  i64 [0, %"t31.init.0.done"], [%".687", %"t31.1.done"]
  %".643" = icmp slt i64 %"t31.i0", %"N"
  br i1 %".643", label %"t31.0.body", label %"t31.0.done"
t31.0.body:
  br label %"t31.1.head"
t31.0.done:
  br label %"t32.0.head"
t31.1.head:
  %"t31.i1" = phi  i64 [0, %"t31.0.body"], [%".685", %"t31.2.done"]
  %".646" = icmp slt i64 %"t31.i1", 2
  br i1 %".646", label %"t31.1.body", label %"t31.1.done"
t31.1.body:
  br label %"t31.2.head"
t31.1.done:
  %".687" = add nsw i64 %"t31.i0", 1
  br label %"t31.0.head"
t31.2.head:
  %"t31.i2" = phi  i64 [0, %"t31.1.body"], [%".683", %"t31.3.done"]
  %".649" = icmp slt i64 %"t31.i2", 4
  br i1 %".649", label %"t31.2.body", label %"t31.2.done"
t31.2.body:
  br label %"t31.3.head"
t31.2.done:
  %".685" = add nsw i64 %"t31.i1", 1
  br label %"t31.1.head"
t31.3.head:
  %"t31.i3" = phi  i64 [0, %"t31.2.body"], [%".681", %"t31.3.body"]
  %".652" = icmp slt i64 %"t31.i3", 4
  br i1 %".652", label %"t31.3.body", label %"t31.3.done"
t31.3.body:
  %".654" = mul i64 1, 4
  %".655" = mul i64 %".654", 4
  %".656" = mul i64 %".655", 2
  %".657" = mul i64 %"t31.i1", %".655"
  %".658" = add i64 0, %".657"
  %".659" = mul i64 %"t31.i2", %".654"
  %".660" = add i64 %".658", %".659"
  %".661" = mul i64 %"t31.i3", 1
  %".662" = add i64 %".660", %".661"
  %".663" = mul i64 1, 4
  %".664" = mul i64 %".663", 4
  %".665" = mul i64 %".664", 2
  %".666" = mul i64 %".665", %"N"
  %".667" = mul i64 %"t31.i0", %".665"
  %".668" = add i64 0, %".667"
  %".669" = mul i64 %"t31.i1", %".664"
  %".670" = add i64 %".668", %".669"
  %".671" = mul i64 %"t31.i2", %".663"
  %".672" = add i64 %".670", %".671"
  %".673" = mul i64 %"t31.i3", 1
  %".674" = add i64 %".672", %".673"
  %".675" = getelementptr inbounds double, ptr %"buf_t30", i64 %".674"
  %".676" = load double, ptr %".675"
  %".677" = getelementptr inbounds double, ptr %"buf_t31", i64 %".662"
  %".678" = load double, ptr %".677"
  %".679" = fadd double %".678", %".676"
  store double %".679", ptr %".677"
  %".681" = add nsw i64 %"t31.i3", 1
  br label %"t31.3.head"
t31.3.done:
  %".683" = add nsw i64 %"t31.i2", 1
  br label %"t31.2.head"
t32.0.head:
  %"t32.i0" = phi  i64 [0, %"t31.0.done"], [%".739", %"t32.1.done"]
  %".690" = icmp slt i64 %"t32.i0", 2
  br i1 %".690", label %"t32.0.body", label %"t32.0.done"
t32.0.body:
  br label %"t32.1.head"
t32.0.done:
  br label %"t33.0.head"
t32.1.head:
  %"t32.i1" = phi  i64 [0, %"t32.0.body"], [%".737", %"t32.2.done"]
  %".693" = icmp slt i64 %"t32.i1", 1
  br i1 %".693", label %"t32.1.body", label %"t32.1.done"
t32.1.body:
  br label %"t32.2.head"
t32.1.done:
  %".739" = add nsw i64 %"t32.i0", 1
  br label %"t32.0.head"
t32.2.head:
  %"t32.i2" = phi  i64 [0, %"t32.1.body"], [%".735", %"t32.r.0.done"]
  %".696" = icmp slt i64 %"t32.i2", 1
  br i1 %".696", label %"t32.2.body", label %"t32.2.done"
t32.2.body:
  store double              0x0, double* %"acc.t32"
  br label %"t32.r.0.head"
t32.2.done:
  %".737" = add nsw i64 %"t32.i1", 1
  br label %"t32.1.head"
t32.r.0.head:
  %"t32.r.i0" = phi  i64 [0, %"t32.2.body"], [%".721", %"t32.r.1.done"]
  %".700" = icmp slt i64 %"t32.r.i0", 4
  br i1 %".700", label %"t32.r.0.body", label %"t32.r.0.done"
t32.r.0.body:
  br label %"t32.r.1.head"
t32.r.0.done:
  %".723" = mul i64 1, 1
  %".724" = mul i64 %".723", 1
  %".725" = mul i64 %".724", 2
  %".726" = mul i64 %"t32.i0", %".724"
  %".727" = add i64 0, %".726"
  %".728" = mul i64 %"t32.i1", %".723"
  %".729" = add i64 %".727", %".728"
  %".730" = mul i64 %"t32.i2", 1
  %".731" = add i64 %".729", %".730"
  %".732" = load double, double* %"acc.t32"
  %".733" = getelementptr inbounds double, ptr %"buf_t32", i64 %".731"
  store double %".732", ptr %".733"
  %".735" = add nsw i64 %"t32.i2", 1
  br label %"t32.2.head"
t32.r.1.head:
  %"t32.r.i1" = phi  i64 [0, %"t32.r.0.body"], [%".719", %"t32.r.1.body"]
  %".703" = icmp slt i64 %"t32.r.i1", 4
  br i1 %".703", label %"t32.r.1.body", label %"t32.r.1.done"
t32.r.1.body:
  %".705" = mul i64 1, 4
  %".706" = mul i64 %".705", 4
  %".707" = mul i64 %".706", 2
  %".708" = mul i64 %"t32.i0", %".706"
  %".709" = add i64 0, %".708"
  %".710" = mul i64 %"t32.r.i0", %".705"
  %".711" = add i64 %".709", %".710"
  %".712" = mul i64 %"t32.r.i1", 1
  %".713" = add i64 %".711", %".712"
  %".714" = getelementptr inbounds double, ptr %"buf_t31", i64 %".713"
  %".715" = load double, ptr %".714"
  %".716" = load double, double* %"acc.t32"
  %".717" = fadd double %".716", %".715"
  store double %".717", double* %"acc.t32"
  %".719" = add nsw i64 %"t32.r.i1", 1
  br label %"t32.r.1.head"
t32.r.1.done:
  %".721" = add nsw i64 %"t32.r.i0", 1
  br label %"t32.r.0.head"
t33.0.head:
  %"t33.i0" = phi  i64 [0, %"t32.0.done"], [%".787", %"t33.1.done"]
  %".742" = icmp slt i64 %"t33.i0", %"N"
  br i1 %".742", label %"t33.0.body", label %"t33.0.done"
t33.0.body:
  br label %"t33.1.head"
t33.0.done:
  store i8 78, i8* %"transa.1"
  store i8 84, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".793" = trunc i64 2 to i32
  store i32 %".793", i32* %"m.1"
  %".795" = trunc i64 9 to i32
  store i32 %".795", i32* %"n.1"
  %".797" = mul i64 16, %"N"
  %".798" = trunc i64 %".797" to i32
  store i32 %".798", i32* %"k.1"
  %".800" = icmp slt i64 2, 1
  %".801" = select  i1 %".800", i64 1, i64 2
  %".802" = trunc i64 %".801" to i32
  store i32 %".802", i32* %"lda.1"
  %".804" = icmp slt i64 9, 1
  %".805" = select  i1 %".804", i64 1, i64 9
  %".806" = trunc i64 %".805" to i32
  store i32 %".806", i32* %"ldb.1"
  %".808" = icmp slt i64 2, 1
  %".809" = select  i1 %".808", i64 1, i64 2
  %".810" = trunc i64 %".809" to i32
  store i32 %".810", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_t33", i32* %"lda.1", ptr %"buf_t2", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t36", i32* %"ldc.1")
  br label %"t38.0.head"
t33.1.head:
  %"t33.i1" = phi  i64 [0, %"t33.0.body"], [%".785", %"t33.2.done"]
  %".745" = icmp slt i64 %"t33.i1", 4
  br i1 %".745", label %"t33.1.body", label %"t33.1.done"
t33.1.body:
  br label %"t33.2.head"
t33.1.done:
  %".787" = add nsw i64 %"t33.i0", 1
  br label %"t33.0.head"
t33.2.head:
  %"t33.i2" = phi  i64 [0, %"t33.1.body"], [%".783", %"t33.3.done"]
  %".748" = icmp slt i64 %"t33.i2", 4
  br i1 %".748", label %"t33.2.body", label %"t33.2.done"
t33.2.body:
  br label %"t33.3.head"
t33.2.done:
  %".785" = add nsw i64 %"t33.i1", 1
  br label %"t33.1.head"
t33.3.head:
  %"t33.i3" = phi  i64 [0, %"t33.2.body"], [%".781", %"t33.3.body"]
  %".751" = icmp slt i64 %"t33.i3", 2
  br i1 %".751", label %"t33.3.body", label %"t33.3.done"
t33.3.body:
  %".753" = mul i64 1, 2
  %".754" = mul i64 %".753", 4
  %".755" = mul i64 %".754", 4
  %".756" = mul i64 %".755", %"N"
  %".757" = mul i64 %"t33.i0", %".755"
  %".758" = add i64 0, %".757"
  %".759" = mul i64 %"t33.i1", %".754"
  %".760" = add i64 %".758", %".759"
  %".761" = mul i64 %"t33.i2", %".753"
  %".762" = add i64 %".760", %".761"
  %".763" = mul i64 %"t33.i3", 1
  %".764" = add i64 %".762", %".763"
  %".765" = mul i64 1, 4
  %".766" = mul i64 %".765", 4
  %".767" = mul i64 %".766", 2
  %".768" = mul i64 %".767", %"N"
  %".769" = mul i64 %"t33.i0", %".767"
  %".770" = add i64 0, %".769"
  %".771" = mul i64 %"t33.i3", %".766"
  %".772" = add i64 %".770", %".771"
  %".773" = mul i64 %"t33.i1", %".765"
  %".774" = add i64 %".772", %".773"
  %".775" = mul i64 %"t33.i2", 1
  %".776" = add i64 %".774", %".775"
  %".777" = getelementptr inbounds double, ptr %"buf_t30", i64 %".776"
  %".778" = load double, ptr %".777"
  %".779" = getelementptr inbounds double, ptr %"buf_t33", i64 %".764"
  store double %".778", ptr %".779"
  %".781" = add nsw i64 %"t33.i3", 1
  br label %"t33.3.head"
t33.3.done:
  %".783" = add nsw i64 %"t33.i2", 1
  br label %"t33.2.head"
t38.0.head:
  %"t38.i0" = phi  i64 [0, %"t33.0.done"], [%".859", %"t38.1.done"]
  %".814" = icmp slt i64 %"t38.i0", 2
  br i1 %".814", label %"t38.0.body", label %"t38.0.done"
t38.0.body:
  br label %"t38.1.head"
t38.0.done:
  ret void
t38.1.head:
  %"t38.i1" = phi  i64 [0, %"t38.0.body"], [%".857", %"t38.2.done"]
  %".817" = icmp slt i64 %"t38.i1", 1
  br i1 %".817", label %"t38.1.body", label %"t38.1.done"
t38.1.body:
  br label %"t38.2.head"
t38.1.done:
  %".859" = add nsw i64 %"t38.i0", 1
  br label %"t38.0.head"
t38.2.head:
  %"t38.i2" = phi  i64 [0, %"t38.1.body"], [%".855", %"t38.3.done"]
  %".820" = icmp slt i64 %"t38.i2", 3
  br i1 %".820", label %"t38.2.body", label %"t38.2.done"
t38.2.body:
  br label %"t38.3.head"
t38.2.done:
  %".857" = add nsw i64 %"t38.i1", 1
  br label %"t38.1.head"
t38.3.head:
  %"t38.i3" = phi  i64 [0, %"t38.2.body"], [%".853", %"t38.3.body"]
  %".823" = icmp slt i64 %"t38.i3", 3
  br i1 %".823", label %"t38.3.body", label %"t38.3.done"
t38.3.body:
  %".825" = mul i64 1, 3
  %".826" = mul i64 %".825", 3
  %".827" = mul i64 %".826", 1
  %".828" = mul i64 %".827", 2
  %".829" = mul i64 %"t38.i0", %".827"
  %".830" = add i64 0, %".829"
  %".831" = mul i64 %"t38.i1", %".826"
  %".832" = add i64 %".830", %".831"
  %".833" = mul i64 %"t38.i2", %".825"
  %".834" = add i64 %".832", %".833"
  %".835" = mul i64 %"t38.i3", 1
  %".836" = add i64 %".834", %".835"
  %".837" = mul i64 0, 1
  %".838" = add i64 %".837", %"t38.i1"
  %".839" = mul i64 %".838", 3
  %".840" = add i64 %".839", %"t38.i2"
  %".841" = mul i64 %".840", 3
  %".842" = add i64 %".841", %"t38.i3"
  %".843" = mul i64 1, 2
  %".844" = mul i64 %".843", 9
  %".845" = mul i64 %".842", %".843"
  %".846" = add i64 0, %".845"
  %".847" = mul i64 %"t38.i0", 1
  %".848" = add i64 %".846", %".847"
  %".849" = getelementptr inbounds double, ptr %"buf_t36", i64 %".848"
  %".850" = load double, ptr %".849"
  %".851" = getelementptr inbounds double, ptr %"buf_t38", i64 %".836"
  store double %".850", ptr %".851"
  %".853" = add nsw i64 %"t38.i3", 1
  br label %"t38.3.head"
t38.3.done:
  %".855" = add nsw i64 %"t38.i2", 1
  br label %"t38.2.head"
}

define internal double @"symgrad.tanh.f64"(double %"x") alwaysinline nounwind readnone
{
entry:
  %"ax" = call double @"llvm.fabs.f64"(double %"x")
  %".3" = fcmp ogt double %"ax", 0x4034000000000000
  %"ax.c.hi" = select  i1 %".3", double 0x4034000000000000, double %"ax"
  %".4" = fcmp olt double %"ax.c.hi",              0x0
  %"ax.c" = select  i1 %".4", double              0x0, double %"ax.c.hi"
  %"ax.large" = fcmp ogt double %"ax.c", 0x3fe193ea7aad030b
  %"2ax" = fadd double %"ax.c", %"ax.c"
  %".5" = fneg double %"2ax"
  %"tanh.arg" = select  i1 %"ax.large", double %"2ax", double %".5"
  %".6" = fcmp ogt double %"tanh.arg", 0x4044800000000000
  %"xc.hi" = select  i1 %".6", double 0x4044800000000000, double %"tanh.arg"
  %".7" = fcmp olt double %"xc.hi", 0xc044800000000000
  %"xc" = select  i1 %".7", double 0xc044800000000000, double %"xc.hi"
  %"n.shifted" = call double @"llvm.fmuladd.f64"(double %"xc", double 0x3ff71547652b82fe, double 0x4338000000000000)
  %"n.f" = fsub double %"n.shifted", 0x4338000000000000
  %".8" = bitcast double %"n.shifted" to i64
  %".9" = bitcast double 0x4338000000000000 to i64
  %"n.i" = sub i64 %".8", %".9"
  %"r.hi" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbfe62e42fee00000, double %"xc")
  %"r" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbdea39ef35793c76, double %"r.hi")
  %"q.h0" = call double @"llvm.fmuladd.f64"(double 0x3e220672d926c99b, double %"r", double 0x3e5af5295cff831b)
  %"q.h1" = call double @"llvm.fmuladd.f64"(double %"q.h0", double %"r", double 0x3e927e4533df1a11)
  %"q.h2" = call double @"llvm.fmuladd.f64"(double %"q.h1", double %"r", double 0x3ec71ddffe70d7d8)
  %"q.h3" = call double @"llvm.fmuladd.f64"(double %"q.h2", double %"r", double 0x3efa01a01db7724c)
  %"q.h4" = call double @"llvm.fmuladd.f64"(double %"q.h3", double %"r", double 0x3f2a01a01aca4bd5)
  %"q.h5" = call double @"llvm.fmuladd.f64"(double %"q.h4", double %"r", double 0x3f56c16c16c0dfa4)
  %"q.h6" = call double @"llvm.fmuladd.f64"(double %"q.h5", double %"r", double 0x3f8111111110ff7b)
  %"q.h7" = call double @"llvm.fmuladd.f64"(double %"q.h6", double %"r", double 0x3fa5555555555564)
  %"q.h8" = call double @"llvm.fmuladd.f64"(double %"q.h7", double %"r", double 0x3fc5555555555557)
  %"q.h9" = call double @"llvm.fmuladd.f64"(double %"q.h8", double %"r", double 0x3fe0000000000000)
  %"r2" = fmul double %"r", %"r"
  %"p" = call double @"llvm.fmuladd.f64"(double %"r2", double %"q.h9", double %"r")
  %"s.biased" = add i64 %"n.i", 1023
  %"s.bits" = shl i64 %"s.biased", 52
  %"s" = bitcast i64 %"s.bits" to double
  %"s-1" = fsub double %"s", 0x3ff0000000000000
  %"expm1" = call double @"llvm.fmuladd.f64"(double %"s", double %"p", double %"s-1")
  %"t+2" = fadd double %"expm1", 0x4000000000000000
  %".10" = fneg double %"expm1"
  %".11" = select  i1 %"ax.large", double 0x4000000000000000, double %".10"
  %"q" = fdiv double %".11", %"t+2"
  %".12" = fsub double 0x3ff0000000000000, %"q"
  %"tanh.mag" = select  i1 %"ax.large", double %".12", double %"q"
  %"tanh" = call double @"llvm.copysign.f64"(double %"tanh.mag", double %"x")
  ret double %"tanh"
}

declare double @"llvm.fabs.f64"(double %".1")

declare double @"llvm.fmuladd.f64"(double %".1", double %".2", double %".3")

declare double @"llvm.copysign.f64"(double %".1", double %".2")
