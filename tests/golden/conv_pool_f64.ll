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
  %"acc.t31" = alloca double
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
  %"buf_t2" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_t6" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_t10" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t12" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t14" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t15" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t18" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t20" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t30" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t31" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t32" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t33" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t36" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t38" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".22"
  br label %"t2.0.head"
t2.0.head:
  %"t2.i0" = phi  i64 [0, %"entry"], [%".107", %"t2.1.done"]
  %".24" = icmp slt i64 %"t2.i0", %"N"
  br i1 %".24", label %"t2.0.body", label %"t2.0.done"
t2.0.body:
  br label %"t2.1.head"
t2.0.done:
  store i8 84, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".113" = trunc i64 2 to i32
  store i32 %".113", i32* %"m"
  %".115" = mul i64 16, %"N"
  %".116" = trunc i64 %".115" to i32
  store i32 %".116", i32* %"n"
  %".118" = trunc i64 9 to i32
  store i32 %".118", i32* %"k"
  %".120" = icmp slt i64 9, 1
  %".121" = select  i1 %".120", i64 1, i64 9
  %".122" = trunc i64 %".121" to i32
  store i32 %".122", i32* %"lda"
  %".124" = icmp slt i64 9, 1
  %".125" = select  i1 %".124", i64 1, i64 9
  %".126" = trunc i64 %".125" to i32
  store i32 %".126", i32* %"ldb"
  %".128" = icmp slt i64 2, 1
  %".129" = select  i1 %".128", i64 1, i64 2
  %".130" = trunc i64 %".129" to i32
  store i32 %".130", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_w", i32* %"lda", ptr %"buf_t2", i32* %"ldb", double* %"beta", ptr %"buf_t6", i32* %"ldc")
  br label %"t10.0.head"
t2.1.head:
  %"t2.i1" = phi  i64 [0, %"t2.0.body"], [%".105", %"t2.2.done"]
  %".27" = icmp slt i64 %"t2.i1", 4
  br i1 %".27", label %"t2.1.body", label %"t2.1.done"
t2.1.body:
  br label %"t2.2.head"
t2.1.done:
  %".107" = add nsw i64 %"t2.i0", 1
  br label %"t2.0.head"
t2.2.head:
  %"t2.i2" = phi  i64 [0, %"t2.1.body"], [%".103", %"t2.3.done"]
  %".30" = icmp slt i64 %"t2.i2", 4
  br i1 %".30", label %"t2.2.body", label %"t2.2.done"
t2.2.body:
  br label %"t2.3.head"
t2.2.done:
  %".105" = add nsw i64 %"t2.i1", 1
  br label %"t2.1.head"
t2.3.head:
  %"t2.i3" = phi  i64 [0, %"t2.2.body"], [%".101", %"t2.4.done"]
  %".33" = icmp slt i64 %"t2.i3", 1
  br i1 %".33", label %"t2.3.body", label %"t2.3.done"
t2.3.body:
  br label %"t2.4.head"
t2.3.done:
  %".103" = add nsw i64 %"t2.i2", 1
  br label %"t2.2.head"
t2.4.head:
  %"t2.i4" = phi  i64 [0, %"t2.3.body"], [%".99", %"t2.5.done"]
  %".36" = icmp slt i64 %"t2.i4", 3
  br i1 %".36", label %"t2.4.body", label %"t2.4.done"
t2.4.body:
  br label %"t2.5.head"
t2.4.done:
  %".101" = add nsw i64 %"t2.i3", 1
  br label %"t2.3.head"
t2.5.head:
  %"t2.i5" = phi  i64 [0, %"t2.4.body"], [%".97", %"t2.5.body"]
  %".39" = icmp slt i64 %"t2.i5", 3
  br i1 %".39", label %"t2.5.body", label %"t2.5.done"
t2.5.body:
  %".41" = mul i64 1, 3
  %".42" = mul i64 %".41", 3
  %".43" = mul i64 %".42", 1
  %".44" = mul i64 %".43", 4
  %".45" = mul i64 %".44", 4
  %".46" = mul i64 %".45", %"N"
  %".47" = mul i64 %"t2.i0", %".45"
  %".48" = add i64 0, %".47"
  %".49" = mul i64 %"t2.i1", %".44"
  %".50" = add i64 %".48", %".49"
  %".51" = mul i64 %"t2.i2", %".43"
  %".52" = add i64 %".50", %".51"
  %".53" = mul i64 %"t2.i3", %".42"
  %".54" = add i64 %".52", %".53"
  %".55" = mul i64 %"t2.i4", %".41"
  %".56" = add i64 %".54", %".55"
  %".57" = mul i64 %"t2.i5", 1
  %".58" = add i64 %".56", %".57"
  %".59" = mul i64 %"t2.i1", 1
  %".60" = add i64 %".59", %"t2.i4"
  %".61" = mul i64 %"t2.i2", 1
  %".62" = add i64 %".61", %"t2.i5"
  %".63" = sub i64 %".60", 1
  %".64" = icmp sge i64 %".63", 0
  %".65" = icmp slt i64 %".63", 4
  %".66" = and i1 %".64", %".65"
  %".67" = sub i64 4, 1
  %".68" = icmp slt i64 %".63", 0
  %".69" = select  i1 %".68", i64 0, i64 %".63"
  %".70" = icmp sgt i64 %".69", %".67"
  %".71" = select  i1 %".70", i64 %".67", i64 %".69"
  %".72" = sub i64 %".62", 1
  %".73" = icmp sge i64 %".72", 0
  %".74" = icmp slt i64 %".72", 4
  %".75" = and i1 %".73", %".74"
  %".76" = and i1 %".66", %".75"
  %".77" = sub i64 4, 1
  %".78" = icmp slt i64 %".72", 0
  %".79" = select  i1 %".78", i64 0, i64 %".72"
  %".80" = icmp sgt i64 %".79", %".77"
  %".81" = select  i1 %".80", i64 %".77", i64 %".79"
  %".82" = mul i64 1, 4
  %".83" = mul i64 %".82", 4
  %".84" = mul i64 %".83", 1
  %".85" = mul i64 %".84", %"N"
  %".86" = mul i64 %"t2.i0", %".84"
  %".87" = add i64 0, %".86"
  %".88" = mul i64 %".71", %".82"
  %".89" = add i64 %".87", %".88"
  %".90" = mul i64 %".81", 1
  %".91" = add i64 %".89", %".90"
  %".92" = getelementptr inbounds double, ptr %"buf_x", i64 %".91"
  %".93" = load double, ptr %".92"
  %".94" = select  i1 %".76", double %".93", double              0x0
  %".95" = getelementptr inbounds double, ptr %"buf_t2", i64 %".58"
  store double %".94", ptr %".95"
  %".97" = add nsw i64 %"t2.i5", 1
  br label %"t2.5.head"
t2.5.done:
  %".99" = add nsw i64 %"t2.i4", 1
  br label %"t2.4.head"
t10.0.head:
  %"t10.i0" = phi  i64 [0, %"t2.0.done"], [%".187", %"t10.1.done"]
  %".134" = icmp slt i64 %"t10.i0", %"N"
  br i1 %".134", label %"t10.0.body", label %"t10.0.done"
t10.0.body:
  br label %"t10.1.head"
t10.0.done:
  br label %"t12.0.head"
t10.1.head:
  %"t10.i1" = phi  i64 [0, %"t10.0.body"], [%".185", %"t10.2.done"]
  %".137" = icmp slt i64 %"t10.i1", 2
  br i1 %".137", label %"t10.1.body", label %"t10.1.done"
t10.1.body:
  br label %"t10.2.head"
t10.1.done:
  %".187" = add nsw i64 %"t10.i0", 1
  br label %"t10.0.head"
t10.2.head:
  %"t10.i2" = phi  i64 [0, %"t10.1.body"], [%".183", %"t10.3.done"]
  %".140" = icmp slt i64 %"t10.i2", 4
  br i1 %".140", label %"t10.2.body", label %"t10.2.done"
t10.2.body:
  br label %"t10.3.head"
t10.2.done:
  %".185" = add nsw i64 %"t10.i1", 1
  br label %"t10.1.head"
t10.3.head:
  %"t10.i3" = phi  i64 [0, %"t10.2.body"], [%".181", %"t10.3.body"]
  %".143" = icmp slt i64 %"t10.i3", 4
  br i1 %".143", label %"t10.3.body", label %"t10.3.done"
t10.3.body:
  %".145" = mul i64 1, 4
  %".146" = mul i64 %".145", 4
  %".147" = mul i64 %".146", 2
  %".148" = mul i64 %".147", %"N"
  %".149" = mul i64 %"t10.i0", %".147"
  %".150" = add i64 0, %".149"
  %".151" = mul i64 %"t10.i1", %".146"
  %".152" = add i64 %".150", %".151"
  %".153" = mul i64 %"t10.i2", %".145"
  %".154" = add i64 %".152", %".153"
  %".155" = mul i64 %"t10.i3", 1
  %".156" = add i64 %".154", %".155"
  %".157" = mul i64 1, 1
  %".158" = mul i64 %".157", 1
  %".159" = mul i64 %".158", 2
  %".160" = mul i64 %"t10.i1", %".158"
  %".161" = add i64 0, %".160"
  %".162" = getelementptr inbounds double, ptr %"buf_b", i64 %".161"
  %".163" = load double, ptr %".162"
  %".164" = mul i64 1, 2
  %".165" = mul i64 %".164", 4
  %".166" = mul i64 %".165", 4
  %".167" = mul i64 %".166", %"N"
  %".168" = mul i64 %"t10.i0", %".166"
  %".169" = add i64 0, %".168"
  %".170" = mul i64 %"t10.i2", %".165"
  %".171" = add i64 %".169", %".170"
  %".172" = mul i64 %"t10.i3", %".164"
  %".173" = add i64 %".171", %".172"
  %".174" = mul i64 %"t10.i1", 1
  %".175" = add i64 %".173", %".174"
  %".176" = getelementptr inbounds double, ptr %"buf_t6", i64 %".175"
  %".177" = load double, ptr %".176"
  %".178" = fadd double %".163", %".177"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".178")
  %".179" = getelementptr inbounds double, ptr %"buf_t10", i64 %".156"
  store double %"tanh", ptr %".179"
  %".181" = add nsw i64 %"t10.i3", 1
  br label %"t10.3.head"
t10.3.done:
  %".183" = add nsw i64 %"t10.i2", 1
  br label %"t10.2.head"
t12.0.head:
  %"t12.i0" = phi  i64 [0, %"t10.0.done"], [%".255", %"t12.1.done"]
  %".190" = icmp slt i64 %"t12.i0", %"N"
  br i1 %".190", label %"t12.0.body", label %"t12.0.done"
t12.0.body:
  br label %"t12.1.head"
t12.0.done:
  store double              0x0, double* %"acc.t14"
  br label %"t14.r.0.head"
t12.1.head:
  %"t12.i1" = phi  i64 [0, %"t12.0.body"], [%".253", %"t12.2.done"]
  %".193" = icmp slt i64 %"t12.i1", 2
  br i1 %".193", label %"t12.1.body", label %"t12.1.done"
t12.1.body:
  br label %"t12.2.head"
t12.1.done:
  %".255" = add nsw i64 %"t12.i0", 1
  br label %"t12.0.head"
t12.2.head:
  %"t12.i2" = phi  i64 [0, %"t12.1.body"], [%".251", %"t12.3.done"]
  %".196" = icmp slt i64 %"t12.i2", 2
  br i1 %".196", label %"t12.2.body", label %"t12.2.done"
t12.2.body:
  br label %"t12.3.head"
t12.2.done:
  %".253" = add nsw i64 %"t12.i1", 1
  br label %"t12.1.head"
t12.3.head:
  %"t12.i3" = phi  i64 [0, %"t12.2.body"], [%".249", %"t12.r.0.done"]
  %".199" = icmp slt i64 %"t12.i3", 2
  br i1 %".199", label %"t12.3.body", label %"t12.3.done"
t12.3.body:
  store double 0xfff0000000000000, double* %"acc.t12"
  br label %"t12.r.0.head"
t12.3.done:
  %".251" = add nsw i64 %"t12.i2", 1
  br label %"t12.2.head"
t12.r.0.head:
  %"t12.r.i0" = phi  i64 [0, %"t12.3.body"], [%".232", %"t12.r.1.done"]
  %".203" = icmp slt i64 %"t12.r.i0", 2
  br i1 %".203", label %"t12.r.0.body", label %"t12.r.0.done"
t12.r.0.body:
  br label %"t12.r.1.head"
t12.r.0.done:
  %".234" = mul i64 1, 2
  %".235" = mul i64 %".234", 2
  %".236" = mul i64 %".235", 2
  %".237" = mul i64 %".236", %"N"
  %".238" = mul i64 %"t12.i0", %".236"
  %".239" = add i64 0, %".238"
  %".240" = mul i64 %"t12.i1", %".235"
  %".241" = add i64 %".239", %".240"
  %".242" = mul i64 %"t12.i2", %".234"
  %".243" = add i64 %".241", %".242"
  %".244" = mul i64 %"t12.i3", 1
  %".245" = add i64 %".243", %".244"
  %".246" = load double, double* %"acc.t12"
  %".247" = getelementptr inbounds double, ptr %"buf_t12", i64 %".245"
  store double %".246", ptr %".247"
  %".249" = add nsw i64 %"t12.i3", 1
  br label %"t12.3.head"
t12.r.1.head:
  %"t12.r.i1" = phi  i64 [0, %"t12.r.0.body"], [%".230", %"t12.r.1.body"]
  %".206" = icmp slt i64 %"t12.r.i1", 2
  br i1 %".206", label %"t12.r.1.body", label %"t12.r.1.done"
t12.r.1.body:
  %".208" = mul i64 %"t12.i2", 2
  %".209" = add i64 %".208", %"t12.r.i0"
  %".210" = mul i64 %"t12.i3", 2
  %".211" = add i64 %".210", %"t12.r.i1"
  %".212" = mul i64 1, 4
  %".213" = mul i64 %".212", 4
  %".214" = mul i64 %".213", 2
  %".215" = mul i64 %".214", %"N"
  %".216" = mul i64 %"t12.i0", %".214"
  %".217" = add i64 0, %".216"
  %".218" = mul i64 %"t12.i1", %".213"
  %".219" = add i64 %".217", %".218"
  %".220" = mul i64 %".209", %".212"
  %".221" = add i64 %".219", %".220"
  %".222" = mul i64 %".211", 1
  %".223" = add i64 %".221", %".222"
  %".224" = getelementptr inbounds double, ptr %"buf_t10", i64 %".223"
  %".225" = load double, ptr %".224"
  %".226" = load double, double* %"acc.t12"
  %".227" = fcmp oge double %".225", %".226"
  %"isnan" = fcmp uno double %".225", %".225"
  %".228" = or i1 %".227", %"isnan"
  %"max" = select  i1 %".228", double %".225", double %".226"
  store double %"max", double* %"acc.t12"
  %".230" = add nsw i64 %"t12.r.i1", 1
  br label %"t12.r.1.head"
t12.r.1.done:
  %".232" = add nsw i64 %"t12.r.i0", 1
  br label %"t12.r.0.head"
t14.r.0.head:
  %"t14.r.i0" = phi  i64 [0, %"t12.0.done"], [%".308", %"t14.r.1.done"]
  %".259" = icmp slt i64 %"t14.r.i0", %"N"
  br i1 %".259", label %"t14.r.0.body", label %"t14.r.0.done"
t14.r.0.body:
  br label %"t14.r.1.head"
t14.r.0.done:
  %".310" = load double, double* %"acc.t14"
  %".311" = getelementptr inbounds double, ptr %"buf_t14", i64 0
  store double %".310", ptr %".311"
  br label %"t15.0.head"
t14.r.1.head:
  %"t14.r.i1" = phi  i64 [0, %"t14.r.0.body"], [%".306", %"t14.r.2.done"]
  %".262" = icmp slt i64 %"t14.r.i1", 2
  br i1 %".262", label %"t14.r.1.body", label %"t14.r.1.done"
t14.r.1.body:
  br label %"t14.r.2.head"
t14.r.1.done:
  %".308" = add nsw i64 %"t14.r.i0", 1
  br label %"t14.r.0.head"
t14.r.2.head:
  %"t14.r.i2" = phi  i64 [0, %"t14.r.1.body"], [%".304", %"t14.r.3.done"]
  %".265" = icmp slt i64 %"t14.r.i2", 2
  br i1 %".265", label %"t14.r.2.body", label %"t14.r.2.done"
t14.r.2.body:
  br label %"t14.r.3.head"
t14.r.2.done:
  %".306" = add nsw i64 %"t14.r.i1", 1
  br label %"t14.r.1.head"
t14.r.3.head:
  %"t14.r.i3" = phi  i64 [0, %"t14.r.2.body"], [%".302", %"t14.r.3.body"]
  %".268" = icmp slt i64 %"t14.r.i3", 2
  br i1 %".268", label %"t14.r.3.body", label %"t14.r.3.done"
t14.r.3.body:
  %".270" = mul i64 1, 2
  %".271" = mul i64 %".270", 2
  %".272" = mul i64 %".271", 2
  %".273" = mul i64 %".272", %"N"
  %".274" = mul i64 %"t14.r.i0", %".272"
  %".275" = add i64 0, %".274"
  %".276" = mul i64 %"t14.r.i1", %".271"
  %".277" = add i64 %".275", %".276"
  %".278" = mul i64 %"t14.r.i2", %".270"
  %".279" = add i64 %".277", %".278"
  %".280" = mul i64 %"t14.r.i3", 1
  %".281" = add i64 %".279", %".280"
  %".282" = getelementptr inbounds double, ptr %"buf_t12", i64 %".281"
  %".283" = load double, ptr %".282"
  %".284" = mul i64 1, 2
  %".285" = mul i64 %".284", 2
  %".286" = mul i64 %".285", 2
  %".287" = mul i64 %".286", %"N"
  %".288" = mul i64 %"t14.r.i0", %".286"
  %".289" = add i64 0, %".288"
  %".290" = mul i64 %"t14.r.i1", %".285"
  %".291" = add i64 %".289", %".290"
  %".292" = mul i64 %"t14.r.i2", %".284"
  %".293" = add i64 %".291", %".292"
  %".294" = mul i64 %"t14.r.i3", 1
  %".295" = add i64 %".293", %".294"
  %".296" = getelementptr inbounds double, ptr %"buf_t12", i64 %".295"
  %".297" = load double, ptr %".296"
  %".298" = fmul double %".283", %".297"
  %".299" = load double, double* %"acc.t14"
  %".300" = fadd double %".299", %".298"
  store double %".300", double* %"acc.t14"
  %".302" = add nsw i64 %"t14.r.i3", 1
  br label %"t14.r.3.head"
t14.r.3.done:
  %".304" = add nsw i64 %"t14.r.i2", 1
  br label %"t14.r.2.head"
t15.0.head:
  %"t15.i0" = phi  i64 [0, %"t14.r.0.done"], [%".360", %"t15.1.done"]
  %".314" = icmp slt i64 %"t15.i0", %"N"
  br i1 %".314", label %"t15.0.body", label %"t15.0.done"
t15.0.body:
  br label %"t15.1.head"
t15.0.done:
  br label %"t18.0.head"
t15.1.head:
  %"t15.i1" = phi  i64 [0, %"t15.0.body"], [%".358", %"t15.2.done"]
  %".317" = icmp slt i64 %"t15.i1", 2
  br i1 %".317", label %"t15.1.body", label %"t15.1.done"
t15.1.body:
  br label %"t15.2.head"
t15.1.done:
  %".360" = add nsw i64 %"t15.i0", 1
  br label %"t15.0.head"
t15.2.head:
  %"t15.i2" = phi  i64 [0, %"t15.1.body"], [%".356", %"t15.3.done"]
  %".320" = icmp slt i64 %"t15.i2", 2
  br i1 %".320", label %"t15.2.body", label %"t15.2.done"
t15.2.body:
  br label %"t15.3.head"
t15.2.done:
  %".358" = add nsw i64 %"t15.i1", 1
  br label %"t15.1.head"
t15.3.head:
  %"t15.i3" = phi  i64 [0, %"t15.2.body"], [%".354", %"t15.3.body"]
  %".323" = icmp slt i64 %"t15.i3", 2
  br i1 %".323", label %"t15.3.body", label %"t15.3.done"
t15.3.body:
  %".325" = mul i64 1, 2
  %".326" = mul i64 %".325", 2
  %".327" = mul i64 %".326", 2
  %".328" = mul i64 %".327", %"N"
  %".329" = mul i64 %"t15.i0", %".327"
  %".330" = add i64 0, %".329"
  %".331" = mul i64 %"t15.i1", %".326"
  %".332" = add i64 %".330", %".331"
  %".333" = mul i64 %"t15.i2", %".325"
  %".334" = add i64 %".332", %".333"
  %".335" = mul i64 %"t15.i3", 1
  %".336" = add i64 %".334", %".335"
  %".337" = mul i64 1, 2
  %".338" = mul i64 %".337", 2
  %".339" = mul i64 %".338", 2
  %".340" = mul i64 %".339", %"N"
  %".341" = mul i64 %"t15.i0", %".339"
  %".342" = add i64 0, %".341"
  %".343" = mul i64 %"t15.i1", %".338"
  %".344" = add i64 %".342", %".343"
  %".345" = mul i64 %"t15.i2", %".337"
  %".346" = add i64 %".344", %".345"
  %".347" = mul i64 %"t15.i3", 1
  %".348" = add i64 %".346", %".347"
  %".349" = getelementptr inbounds double, ptr %"buf_t12", i64 %".348"
  %".350" = load double, ptr %".349"
  %".351" = fmul double %".350", 0x4000000000000000
  %".352" = getelementptr inbounds double, ptr %"buf_t15", i64 %".336"
  store double %".351", ptr %".352"
  %".354" = add nsw i64 %"t15.i3", 1
  br label %"t15.3.head"
t15.3.done:
  %".356" = add nsw i64 %"t15.i2", 1
  br label %"t15.2.head"
t18.0.head:
  %"t18.i0" = phi  i64 [0, %"t15.0.done"], [%".450", %"t18.1.done"]
  %".363" = icmp slt i64 %"t18.i0", %"N"
  br i1 %".363", label %"t18.0.body", label %"t18.0.done"
t18.0.body:
  br label %"t18.1.head"
t18.0.done:
  br label %"t20.0.head"
t18.1.head:
  %"t18.i1" = phi  i64 [0, %"t18.0.body"], [%".448", %"t18.2.done"]
  %".366" = icmp slt i64 %"t18.i1", 2
  br i1 %".366", label %"t18.1.body", label %"t18.1.done"
t18.1.body:
  br label %"t18.2.head"
t18.1.done:
  %".450" = add nsw i64 %"t18.i0", 1
  br label %"t18.0.head"
t18.2.head:
  %"t18.i2" = phi  i64 [0, %"t18.1.body"], [%".446", %"t18.3.done"]
  %".369" = icmp slt i64 %"t18.i2", 2
  br i1 %".369", label %"t18.2.body", label %"t18.2.done"
t18.2.body:
  br label %"t18.3.head"
t18.2.done:
  %".448" = add nsw i64 %"t18.i1", 1
  br label %"t18.1.head"
t18.3.head:
  %"t18.i3" = phi  i64 [0, %"t18.2.body"], [%".444", %"t18.4.done"]
  %".372" = icmp slt i64 %"t18.i3", 2
  br i1 %".372", label %"t18.3.body", label %"t18.3.done"
t18.3.body:
  br label %"t18.4.head"
t18.3.done:
  %".446" = add nsw i64 %"t18.i2", 1
  br label %"t18.2.head"
t18.4.head:
  %"t18.i4" = phi  i64 [0, %"t18.3.body"], [%".442", %"t18.5.done"]
  %".375" = icmp slt i64 %"t18.i4", 2
  br i1 %".375", label %"t18.4.body", label %"t18.4.done"
t18.4.body:
  br label %"t18.5.head"
t18.4.done:
  %".444" = add nsw i64 %"t18.i3", 1
  br label %"t18.3.head"
t18.5.head:
  %"t18.i5" = phi  i64 [0, %"t18.4.body"], [%".440", %"t18.5.body"]
  %".378" = icmp slt i64 %"t18.i5", 2
  br i1 %".378", label %"t18.5.body", label %"t18.5.done"
t18.5.body:
  %".380" = mul i64 1, 2
  %".381" = mul i64 %".380", 2
  %".382" = mul i64 %".381", 2
  %".383" = mul i64 %".382", 2
  %".384" = mul i64 %".383", 2
  %".385" = mul i64 %".384", %"N"
  %".386" = mul i64 %"t18.i0", %".384"
  %".387" = add i64 0, %".386"
  %".388" = mul i64 %"t18.i1", %".383"
  %".389" = add i64 %".387", %".388"
  %".390" = mul i64 %"t18.i2", %".382"
  %".391" = add i64 %".389", %".390"
  %".392" = mul i64 %"t18.i3", %".381"
  %".393" = add i64 %".391", %".392"
  %".394" = mul i64 %"t18.i4", %".380"
  %".395" = add i64 %".393", %".394"
  %".396" = mul i64 %"t18.i5", 1
  %".397" = add i64 %".395", %".396"
  %".398" = mul i64 %"t18.i2", 2
  %".399" = add i64 %".398", %"t18.i4"
  %".400" = mul i64 %"t18.i3", 2
  %".401" = add i64 %".400", %"t18.i5"
  %".402" = mul i64 1, 4
  %".403" = mul i64 %".402", 4
  %".404" = mul i64 %".403", 2
  %".405" = mul i64 %".404", %"N"
  %".406" = mul i64 %"t18.i0", %".404"
  %".407" = add i64 0, %".406"
  %".408" = mul i64 %"t18.i1", %".403"
  %".409" = add i64 %".407", %".408"
  %".410" = mul i64 %".399", %".402"
  %".411" = add i64 %".409", %".410"
  %".412" = mul i64 %".401", 1
  %".413" = add i64 %".411", %".412"
  %".414" = getelementptr inbounds double, ptr %"buf_t10", i64 %".413"
  %".415" = load double, ptr %".414"
  %".416" = mul i64 1, 1
  %".417" = mul i64 %".416", 1
  %".418" = mul i64 %".417", 2
  %".419" = mul i64 %".418", 2
  %".420" = mul i64 %".419", 2
  %".421" = mul i64 %".420", %"N"
  %".422" = mul i64 %"t18.i0", %".420"
  %".423" = add i64 0, %".422"
  %".424" = mul i64 %"t18.i1", %".419"
  %".425" = add i64 %".423", %".424"
  %".426" = mul i64 %"t18.i2", %".418"
  %".427" = add i64 %".425", %".426"
  %".428" = mul i64 %"t18.i3", %".417"
  %".429" = add i64 %".427", %".428"
  %".430" = mul i64 0, %".416"
  %".431" = add i64 %".429", %".430"
  %".432" = mul i64 0, 1
  %".433" = add i64 %".431", %".432"
  %".434" = getelementptr inbounds double, ptr %"buf_t12", i64 %".433"
  %".435" = load double, ptr %".434"
  %".436" = fcmp oeq double %".415", %".435"
  %".437" = getelementptr inbounds double, ptr %"buf_t18", i64 %".397"
  %".438" = uitofp i1 %".436" to double
  store double %".438", ptr %".437"
  %".440" = add nsw i64 %"t18.i5", 1
  br label %"t18.5.head"
t18.5.done:
  %".442" = add nsw i64 %"t18.i4", 1
  br label %"t18.4.head"
t20.0.head:
  %"t20.i0" = phi  i64 [0, %"t18.0.done"], [%".537", %"t20.1.done"]
  %".453" = icmp slt i64 %"t20.i0", %"N"
  br i1 %".453", label %"t20.0.body", label %"t20.0.done"
t20.0.body:
  br label %"t20.1.head"
t20.0.done:
  br label %"t30.0.head"
t20.1.head:
  %"t20.i1" = phi  i64 [0, %"t20.0.body"], [%".535", %"t20.2.done"]
  %".456" = icmp slt i64 %"t20.i1", 2
  br i1 %".456", label %"t20.1.body", label %"t20.1.done"
t20.1.body:
  br label %"t20.2.head"
t20.1.done:
  %".537" = add nsw i64 %"t20.i0", 1
  br label %"t20.0.head"
t20.2.head:
  %"t20.i2" = phi  i64 [0, %"t20.1.body"], [%".533", %"t20.3.done"]
  %".459" = icmp slt i64 %"t20.i2", 2
  br i1 %".459", label %"t20.2.body", label %"t20.2.done"
t20.2.body:
  br label %"t20.3.head"
t20.2.done:
  %".535" = add nsw i64 %"t20.i1", 1
  br label %"t20.1.head"
t20.3.head:
  %"t20.i3" = phi  i64 [0, %"t20.2.body"], [%".531", %"t20.4.done"]
  %".462" = icmp slt i64 %"t20.i3", 2
  br i1 %".462", label %"t20.3.body", label %"t20.3.done"
t20.3.body:
  br label %"t20.4.head"
t20.3.done:
  %".533" = add nsw i64 %"t20.i2", 1
  br label %"t20.2.head"
t20.4.head:
  %"t20.i4" = phi  i64 [0, %"t20.3.body"], [%".529", %"t20.5.done"]
  %".465" = icmp slt i64 %"t20.i4", 1
  br i1 %".465", label %"t20.4.body", label %"t20.4.done"
t20.4.body:
  br label %"t20.5.head"
t20.4.done:
  %".531" = add nsw i64 %"t20.i3", 1
  br label %"t20.3.head"
t20.5.head:
  %"t20.i5" = phi  i64 [0, %"t20.4.body"], [%".527", %"t20.r.0.done"]
  %".468" = icmp slt i64 %"t20.i5", 1
  br i1 %".468", label %"t20.5.body", label %"t20.5.done"
t20.5.body:
  store double              0x0, double* %"acc.t20"
  br label %"t20.r.0.head"
t20.5.done:
  %".529" = add nsw i64 %"t20.i4", 1
  br label %"t20.4.head"
t20.r.0.head:
  %"t20.r.i0" = phi  i64 [0, %"t20.5.body"], [%".504", %"t20.r.1.done"]
  %".472" = icmp slt i64 %"t20.r.i0", 2
  br i1 %".472", label %"t20.r.0.body", label %"t20.r.0.done"
t20.r.0.body:
  br label %"t20.r.1.head"
t20.r.0.done:
  %".506" = mul i64 1, 1
  %".507" = mul i64 %".506", 1
  %".508" = mul i64 %".507", 2
  %".509" = mul i64 %".508", 2
  %".510" = mul i64 %".509", 2
  %".511" = mul i64 %".510", %"N"
  %".512" = mul i64 %"t20.i0", %".510"
  %".513" = add i64 0, %".512"
  %".514" = mul i64 %"t20.i1", %".509"
  %".515" = add i64 %".513", %".514"
  %".516" = mul i64 %"t20.i2", %".508"
  %".517" = add i64 %".515", %".516"
  %".518" = mul i64 %"t20.i3", %".507"
  %".519" = add i64 %".517", %".518"
  %".520" = mul i64 %"t20.i4", %".506"
  %".521" = add i64 %".519", %".520"
  %".522" = mul i64 %"t20.i5", 1
  %".523" = add i64 %".521", %".522"
  %".524" = load double, double* %"acc.t20"
  %".525" = getelementptr inbounds double, ptr %"buf_t20", i64 %".523"
  store double %".524", ptr %".525"
  %".527" = add nsw i64 %"t20.i5", 1
  br label %"t20.5.head"
t20.r.1.head:
  %"t20.r.i1" = phi  i64 [0, %"t20.r.0.body"], [%".502", %"t20.r.1.body"]
  %".475" = icmp slt i64 %"t20.r.i1", 2
  br i1 %".475", label %"t20.r.1.body", label %"t20.r.1.done"
t20.r.1.body:
  %".477" = mul i64 1, 2
  %".478" = mul i64 %".477", 2
  %".479" = mul i64 %".478", 2
  %".480" = mul i64 %".479", 2
  %".481" = mul i64 %".480", 2
  %".482" = mul i64 %".481", %"N"
  %".483" = mul i64 %"t20.i0", %".481"
  %".484" = add i64 0, %".483"
  %".485" = mul i64 %"t20.i1", %".480"
  %".486" = add i64 %".484", %".485"
  %".487" = mul i64 %"t20.i2", %".479"
  %".488" = add i64 %".486", %".487"
  %".489" = mul i64 %"t20.i3", %".478"
  %".490" = add i64 %".488", %".489"
  %".491" = mul i64 %"t20.r.i0", %".477"
  %".492" = add i64 %".490", %".491"
  %".493" = mul i64 %"t20.r.i1", 1
  %".494" = add i64 %".492", %".493"
  %".495" = getelementptr inbounds double, ptr %"buf_t18", i64 %".494"
  %".496" = load double, ptr %".495"
  %".497" = fcmp une double %".496",              0x0
  %".498" = select  i1 %".497", double 0x3ff0000000000000, double              0x0
  %".499" = load double, double* %"acc.t20"
  %".500" = fadd double %".499", %".498"
  store double %".500", double* %"acc.t20"
  %".502" = add nsw i64 %"t20.r.i1", 1
  br label %"t20.r.1.head"
t20.r.1.done:
  %".504" = add nsw i64 %"t20.r.i0", 1
  br label %"t20.r.0.head"
t30.0.head:
  %"t30.i0" = phi  i64 [0, %"t20.0.done"], [%".673", %"t30.1.done"]
  %".540" = icmp slt i64 %"t30.i0", %"N"
  br i1 %".540", label %"t30.0.body", label %"t30.0.done"
t30.0.body:
  br label %"t30.1.head"
t30.0.done:
  br label %"t31.0.head"
t30.1.head:
  %"t30.i1" = phi  i64 [0, %"t30.0.body"], [%".671", %"t30.2.done"]
  %".543" = icmp slt i64 %"t30.i1", 2
  br i1 %".543", label %"t30.1.body", label %"t30.1.done"
t30.1.body:
  br label %"t30.2.head"
t30.1.done:
  %".673" = add nsw i64 %"t30.i0", 1
  br label %"t30.0.head"
t30.2.head:
  %"t30.i2" = phi  i64 [0, %"t30.1.body"], [%".669", %"t30.3.done"]
  %".546" = icmp slt i64 %"t30.i2", 4
  br i1 %".546", label %"t30.2.body", label %"t30.2.done"
t30.2.body:
  br label %"t30.3.head"
t30.2.done:
  %".671" = add nsw i64 %"t30.i1", 1
  br label %"t30.1.head"
t30.3.head:
  %"t30.i3" = phi  i64 [0, %"t30.2.body"], [%".667", %"t30.3.body"]
  %".549" = icmp slt i64 %"t30.i3", 4
  br i1 %".549", label %"t30.3.body", label %"t30.3.done"
t30.3.body:
  %".551" = mul i64 1, 4
  %".552" = mul i64 %".551", 4
  %".553" = mul i64 %".552", 2
  %".554" = mul i64 %".553", %"N"
  %".555" = mul i64 %"t30.i0", %".553"
  %".556" = add i64 0, %".555"
  %".557" = mul i64 %"t30.i1", %".552"
  %".558" = add i64 %".556", %".557"
  %".559" = mul i64 %"t30.i2", %".551"
  %".560" = add i64 %".558", %".559"
  %".561" = mul i64 %"t30.i3", 1
  %".562" = add i64 %".560", %".561"
  %".563" = udiv i64 %"t30.i2", 2
  %".564" = icmp slt i64 %".563", 2
  %".565" = select  i1 %".564", i64 %".563", i64 1
  %".566" = urem i64 %"t30.i2", 2
  %".567" = udiv i64 %"t30.i3", 2
  %".568" = icmp slt i64 %".567", 2
  %".569" = select  i1 %".568", i64 %".567", i64 1
  %".570" = urem i64 %"t30.i3", 2
  %".571" = and i1 %".564", %".568"
  %".572" = mul i64 1, 1
  %".573" = mul i64 %".572", 1
  %".574" = mul i64 %".573", 2
  %".575" = mul i64 %".574", 2
  %".576" = mul i64 %".575", 2
  %".577" = mul i64 %".576", %"N"
  %".578" = mul i64 %"t30.i0", %".576"
  %".579" = add i64 0, %".578"
  %".580" = mul i64 %"t30.i1", %".575"
  %".581" = add i64 %".579", %".580"
  %".582" = mul i64 %".565", %".574"
  %".583" = add i64 %".581", %".582"
  %".584" = mul i64 %".569", %".573"
  %".585" = add i64 %".583", %".584"
  %".586" = mul i64 0, %".572"
  %".587" = add i64 %".585", %".586"
  %".588" = mul i64 0, 1
  %".589" = add i64 %".587", %".588"
  %".590" = getelementptr inbounds double, ptr %"buf_t15", i64 %".589"
  %".591" = load double, ptr %".590"
  %".592" = mul i64 1, 1
  %".593" = mul i64 %".592", 1
  %".594" = mul i64 %".593", 2
  %".595" = mul i64 %".594", 2
  %".596" = mul i64 %".595", 2
  %".597" = mul i64 %".596", %"N"
  %".598" = mul i64 %"t30.i0", %".596"
  %".599" = add i64 0, %".598"
  %".600" = mul i64 %"t30.i1", %".595"
  %".601" = add i64 %".599", %".600"
  %".602" = mul i64 %".565", %".594"
  %".603" = add i64 %".601", %".602"
  %".604" = mul i64 %".569", %".593"
  %".605" = add i64 %".603", %".604"
  %".606" = getelementptr inbounds double, ptr %"buf_t20", i64 %".605"
  %".607" = load double, ptr %".606"
  %".608" = fdiv double 0x3ff0000000000000, %".607"
  %".609" = fmul double %".591", %".608"
  %".610" = mul i64 1, 2
  %".611" = mul i64 %".610", 2
  %".612" = mul i64 %".611", 2
  %".613" = mul i64 %".612", 2
  %".614" = mul i64 %".613", 2
  %".615" = mul i64 %".614", %"N"
  %".616" = mul i64 %"t30.i0", %".614"
  %".617" = add i64 0, %".616"
  %".618" = mul i64 %"t30.i1", %".613"
  %".619" = add i64 %".617", %".618"
  %".620" = mul i64 %".565", %".612"
  %".621" = add i64 %".619", %".620"
  %".622" = mul i64 %".569", %".611"
  %".623" = add i64 %".621", %".622"
  %".624" = mul i64 %".566", %".610"
  %".625" = add i64 %".623", %".624"
  %".626" = mul i64 %".570", 1
  %".627" = add i64 %".625", %".626"
  %".628" = getelementptr inbounds double, ptr %"buf_t18", i64 %".627"
  %".629" = load double, ptr %".628"
  %".630" = fcmp une double %".629",              0x0
  %".631" = select  i1 %".630", double %".609", double              0x0
  %".632" = select  i1 %".571", double %".631", double              0x0
  %".633" = mul i64 1, 4
  %".634" = mul i64 %".633", 4
  %".635" = mul i64 %".634", 2
  %".636" = mul i64 %".635", %"N"
  %".637" = mul i64 %"t30.i0", %".635"
  %".638" = add i64 0, %".637"
  %".639" = mul i64 %"t30.i1", %".634"
  %".640" = add i64 %".638", %".639"
  %".641" = mul i64 %"t30.i2", %".633"
  %".642" = add i64 %".640", %".641"
  %".643" = mul i64 %"t30.i3", 1
  %".644" = add i64 %".642", %".643"
  %".645" = getelementptr inbounds double, ptr %"buf_t10", i64 %".644"
  %".646" = load double, ptr %".645"
  %".647" = mul i64 1, 4
  %".648" = mul i64 %".647", 4
  %".649" = mul i64 %".648", 2
  %".650" = mul i64 %".649", %"N"
  %".651" = mul i64 %"t30.i0", %".649"
  %".652" = add i64 0, %".651"
  %".653" = mul i64 %"t30.i1", %".648"
  %".654" = add i64 %".652", %".653"
  %".655" = mul i64 %"t30.i2", %".647"
  %".656" = add i64 %".654", %".655"
  %".657" = mul i64 %"t30.i3", 1
  %".658" = add i64 %".656", %".657"
  %".659" = getelementptr inbounds double, ptr %"buf_t10", i64 %".658"
  %".660" = load double, ptr %".659"
  %".661" = fmul double %".646", %".660"
  %".662" = fneg double %".661"
  %".663" = fadd double 0x3ff0000000000000, %".662"
  %".664" = fmul double %".632", %".663"
  %".665" = getelementptr inbounds double, ptr %"buf_t30", i64 %".562"
  store double %".664", ptr %".665"
  %".667" = add nsw i64 %"t30.i3", 1
  br label %"t30.3.head"
t30.3.done:
  %".669" = add nsw i64 %"t30.i2", 1
  br label %"t30.2.head"
t31.0.head:
  %"t31.i0" = phi  i64 [0, %"t30.0.done"], [%".723", %"t31.1.done"]
  %".676" = icmp slt i64 %"t31.i0", 2
  br i1 %".676", label %"t31.0.body", label %"t31.0.done"
t31.0.body:
  br label %"t31.1.head"
t31.0.done:
  br label %"t32.0.head"
t31.1.head:
  %"t31.i1" = phi  i64 [0, %"t31.0.body"], [%".721", %"t31.2.done"]
  %".679" = icmp slt i64 %"t31.i1", 4
  br i1 %".679", label %"t31.1.body", label %"t31.1.done"
t31.1.body:
  br label %"t31.2.head"
t31.1.done:
  %".723" = add nsw i64 %"t31.i0", 1
  br label %"t31.0.head"
t31.2.head:
  %"t31.i2" = phi  i64 [0, %"t31.1.body"], [%".719", %"t31.r.0.done"]
  %".682" = icmp slt i64 %"t31.i2", 4
  br i1 %".682", label %"t31.2.body", label %"t31.2.done"
t31.2.body:
  store double              0x0, double* %"acc.t31"
  br label %"t31.r.0.head"
t31.2.done:
  %".721" = add nsw i64 %"t31.i1", 1
  br label %"t31.1.head"
t31.r.0.head:
  %"t31.r.i0" = phi  i64 [0, %"t31.2.body"], [%".705", %"t31.r.0.body"]
  %".686" = icmp slt i64 %"t31.r.i0", %"N"
  br i1 %".686", label %"t31.r.0.body", label %"t31.r.0.done"
t31.r.0.body:
  %".688" = mul i64 1, 4
  %".689" = mul i64 %".688", 4
  %".690" = mul i64 %".689", 2
  %".691" = mul i64 %".690", %"N"
  %".692" = mul i64 %"t31.r.i0", %".690"
  %".693" = add i64 0, %".692"
  %".694" = mul i64 %"t31.i0", %".689"
  %".695" = add i64 %".693", %".694"
  %".696" = mul i64 %"t31.i1", %".688"
  %".697" = add i64 %".695", %".696"
  %".698" = mul i64 %"t31.i2", 1
  %".699" = add i64 %".697", %".698"
  %".700" = getelementptr inbounds double, ptr %"buf_t30", i64 %".699"
  %".701" = load double, ptr %".700"
  %".702" = load double, double* %"acc.t31"
  %".703" = fadd double %".702", %".701"
  store double %".703", double* %"acc.t31"
  %".705" = add nsw i64 %"t31.r.i0", 1
  br label %"t31.r.0.head"
t31.r.0.done:
  %".707" = mul i64 1, 4
  %".708" = mul i64 %".707", 4
  %".709" = mul i64 %".708", 2
  %".710" = mul i64 %"t31.i0", %".708"
  %".711" = add i64 0, %".710"
  %".712" = mul i64 %"t31.i1", %".707"
  %".713" = add i64 %".711", %".712"
  %".714" = mul i64 %"t31.i2", 1
  %".715" = add i64 %".713", %".714"
  %".716" = load double, double* %"acc.t31"
  %".717" = getelementptr inbounds double, ptr %"buf_t31", i64 %".715"
  store double %".716", ptr %".717"
  %".719" = add nsw i64 %"t31.i2", 1
  br label %"t31.2.head"
t32.0.head:
  %"t32.i0" = phi  i64 [0, %"t31.0.done"], [%".775", %"t32.1.done"]
  %".726" = icmp slt i64 %"t32.i0", 2
  br i1 %".726", label %"t32.0.body", label %"t32.0.done"
t32.0.body:
  br label %"t32.1.head"
t32.0.done:
  br label %"t33.0.head"
t32.1.head:
  %"t32.i1" = phi  i64 [0, %"t32.0.body"], [%".773", %"t32.2.done"]
  %".729" = icmp slt i64 %"t32.i1", 1
  br i1 %".729", label %"t32.1.body", label %"t32.1.done"
t32.1.body:
  br label %"t32.2.head"
t32.1.done:
  %".775" = add nsw i64 %"t32.i0", 1
  br label %"t32.0.head"
t32.2.head:
  %"t32.i2" = phi  i64 [0, %"t32.1.body"], [%".771", %"t32.r.0.done"]
  %".732" = icmp slt i64 %"t32.i2", 1
  br i1 %".732", label %"t32.2.body", label %"t32.2.done"
t32.2.body:
  store double              0x0, double* %"acc.t32"
  br label %"t32.r.0.head"
t32.2.done:
  %".773" = add nsw i64 %"t32.i1", 1
  br label %"t32.1.head"
t32.r.0.head:
  %"t32.r.i0" = phi  i64 [0, %"t32.2.body"], [%".757", %"t32.r.1.done"]
  %".736" = icmp slt i64 %"t32.r.i0", 4
  br i1 %".736", label %"t32.r.0.body", label %"t32.r.0.done"
t32.r.0.body:
  br label %"t32.r.1.head"
t32.r.0.done:
  %".759" = mul i64 1, 1
  %".760" = mul i64 %".759", 1
  %".761" = mul i64 %".760", 2
  %".762" = mul i64 %"t32.i0", %".760"
  %".763" = add i64 0, %".762"
  %".764" = mul i64 %"t32.i1", %".759"
  %".765" = add i64 %".763", %".764"
  %".766" = mul i64 %"t32.i2", 1
  %".767" = add i64 %".765", %".766"
  %".768" = load double, double* %"acc.t32"
  %".769" = getelementptr inbounds double, ptr %"buf_t32", i64 %".767"
  store double %".768", ptr %".769"
  %".771" = add nsw i64 %"t32.i2", 1
  br label %"t32.2.head"
t32.r.1.head:
  %"t32.r.i1" = phi  i64 [0, %"t32.r.0.body"], [%".755", %"t32.r.1.body"]
  %".739" = icmp slt i64 %"t32.r.i1", 4
  br i1 %".739", label %"t32.r.1.body", label %"t32.r.1.done"
t32.r.1.body:
  %".741" = mul i64 1, 4
  %".742" = mul i64 %".741", 4
  %".743" = mul i64 %".742", 2
  %".744" = mul i64 %"t32.i0", %".742"
  %".745" = add i64 0, %".744"
  %".746" = mul i64 %"t32.r.i0", %".741"
  %".747" = add i64 %".745", %".746"
  %".748" = mul i64 %"t32.r.i1", 1
  %".749" = add i64 %".747", %".748"
  %".750" = getelementptr inbounds double, ptr %"buf_t31", i64 %".749"
  %".751" = load double, ptr %".750"
  %".752" = load double, double* %"acc.t32"
  %".753" = fadd double %".752", %".751"
  store double %".753", double* %"acc.t32"
  %".755" = add nsw i64 %"t32.r.i1", 1
  br label %"t32.r.1.head"
t32.r.1.done:
  %".757" = add nsw i64 %"t32.r.i0", 1
  br label %"t32.r.0.head"
t33.0.head:
  %"t33.i0" = phi  i64 [0, %"t32.0.done"], [%".823", %"t33.1.done"]
  %".778" = icmp slt i64 %"t33.i0", %"N"
  br i1 %".778", label %"t33.0.body", label %"t33.0.done"
t33.0.body:
  br label %"t33.1.head"
t33.0.done:
  store i8 78, i8* %"transa.1"
  store i8 84, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".829" = trunc i64 2 to i32
  store i32 %".829", i32* %"m.1"
  %".831" = trunc i64 9 to i32
  store i32 %".831", i32* %"n.1"
  %".833" = mul i64 16, %"N"
  %".834" = trunc i64 %".833" to i32
  store i32 %".834", i32* %"k.1"
  %".836" = icmp slt i64 2, 1
  %".837" = select  i1 %".836", i64 1, i64 2
  %".838" = trunc i64 %".837" to i32
  store i32 %".838", i32* %"lda.1"
  %".840" = icmp slt i64 9, 1
  %".841" = select  i1 %".840", i64 1, i64 9
  %".842" = trunc i64 %".841" to i32
  store i32 %".842", i32* %"ldb.1"
  %".844" = icmp slt i64 2, 1
  %".845" = select  i1 %".844", i64 1, i64 2
  %".846" = trunc i64 %".845" to i32
  store i32 %".846", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_t33", i32* %"lda.1", ptr %"buf_t2", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t36", i32* %"ldc.1")
  br label %"t38.0.head"
t33.1.head:
  %"t33.i1" = phi  i64 [0, %"t33.0.body"], [%".821", %"t33.2.done"]
  %".781" = icmp slt i64 %"t33.i1", 4
  br i1 %".781", label %"t33.1.body", label %"t33.1.done"
t33.1.body:
  br label %"t33.2.head"
t33.1.done:
  %".823" = add nsw i64 %"t33.i0", 1
  br label %"t33.0.head"
t33.2.head:
  %"t33.i2" = phi  i64 [0, %"t33.1.body"], [%".819", %"t33.3.done"]
  %".784" = icmp slt i64 %"t33.i2", 4
  br i1 %".784", label %"t33.2.body", label %"t33.2.done"
t33.2.body:
  br label %"t33.3.head"
t33.2.done:
  %".821" = add nsw i64 %"t33.i1", 1
  br label %"t33.1.head"
t33.3.head:
  %"t33.i3" = phi  i64 [0, %"t33.2.body"], [%".817", %"t33.3.body"]
  %".787" = icmp slt i64 %"t33.i3", 2
  br i1 %".787", label %"t33.3.body", label %"t33.3.done"
t33.3.body:
  %".789" = mul i64 1, 2
  %".790" = mul i64 %".789", 4
  %".791" = mul i64 %".790", 4
  %".792" = mul i64 %".791", %"N"
  %".793" = mul i64 %"t33.i0", %".791"
  %".794" = add i64 0, %".793"
  %".795" = mul i64 %"t33.i1", %".790"
  %".796" = add i64 %".794", %".795"
  %".797" = mul i64 %"t33.i2", %".789"
  %".798" = add i64 %".796", %".797"
  %".799" = mul i64 %"t33.i3", 1
  %".800" = add i64 %".798", %".799"
  %".801" = mul i64 1, 4
  %".802" = mul i64 %".801", 4
  %".803" = mul i64 %".802", 2
  %".804" = mul i64 %".803", %"N"
  %".805" = mul i64 %"t33.i0", %".803"
  %".806" = add i64 0, %".805"
  %".807" = mul i64 %"t33.i3", %".802"
  %".808" = add i64 %".806", %".807"
  %".809" = mul i64 %"t33.i1", %".801"
  %".810" = add i64 %".808", %".809"
  %".811" = mul i64 %"t33.i2", 1
  %".812" = add i64 %".810", %".811"
  %".813" = getelementptr inbounds double, ptr %"buf_t30", i64 %".812"
  %".814" = load double, ptr %".813"
  %".815" = getelementptr inbounds double, ptr %"buf_t33", i64 %".800"
  store double %".814", ptr %".815"
  %".817" = add nsw i64 %"t33.i3", 1
  br label %"t33.3.head"
t33.3.done:
  %".819" = add nsw i64 %"t33.i2", 1
  br label %"t33.2.head"
t38.0.head:
  %"t38.i0" = phi  i64 [0, %"t33.0.done"], [%".895", %"t38.1.done"]
  %".850" = icmp slt i64 %"t38.i0", 2
  br i1 %".850", label %"t38.0.body", label %"t38.0.done"
t38.0.body:
  br label %"t38.1.head"
t38.0.done:
  ret void
t38.1.head:
  %"t38.i1" = phi  i64 [0, %"t38.0.body"], [%".893", %"t38.2.done"]
  %".853" = icmp slt i64 %"t38.i1", 1
  br i1 %".853", label %"t38.1.body", label %"t38.1.done"
t38.1.body:
  br label %"t38.2.head"
t38.1.done:
  %".895" = add nsw i64 %"t38.i0", 1
  br label %"t38.0.head"
t38.2.head:
  %"t38.i2" = phi  i64 [0, %"t38.1.body"], [%".891", %"t38.3.done"]
  %".856" = icmp slt i64 %"t38.i2", 3
  br i1 %".856", label %"t38.2.body", label %"t38.2.done"
t38.2.body:
  br label %"t38.3.head"
t38.2.done:
  %".893" = add nsw i64 %"t38.i1", 1
  br label %"t38.1.head"
t38.3.head:
  %"t38.i3" = phi  i64 [0, %"t38.2.body"], [%".889", %"t38.3.body"]
  %".859" = icmp slt i64 %"t38.i3", 3
  br i1 %".859", label %"t38.3.body", label %"t38.3.done"
t38.3.body:
  %".861" = mul i64 1, 3
  %".862" = mul i64 %".861", 3
  %".863" = mul i64 %".862", 1
  %".864" = mul i64 %".863", 2
  %".865" = mul i64 %"t38.i0", %".863"
  %".866" = add i64 0, %".865"
  %".867" = mul i64 %"t38.i1", %".862"
  %".868" = add i64 %".866", %".867"
  %".869" = mul i64 %"t38.i2", %".861"
  %".870" = add i64 %".868", %".869"
  %".871" = mul i64 %"t38.i3", 1
  %".872" = add i64 %".870", %".871"
  %".873" = mul i64 0, 1
  %".874" = add i64 %".873", %"t38.i1"
  %".875" = mul i64 %".874", 3
  %".876" = add i64 %".875", %"t38.i2"
  %".877" = mul i64 %".876", 3
  %".878" = add i64 %".877", %"t38.i3"
  %".879" = mul i64 1, 2
  %".880" = mul i64 %".879", 9
  %".881" = mul i64 %".878", %".879"
  %".882" = add i64 0, %".881"
  %".883" = mul i64 %"t38.i0", 1
  %".884" = add i64 %".882", %".883"
  %".885" = getelementptr inbounds double, ptr %"buf_t36", i64 %".884"
  %".886" = load double, ptr %".885"
  %".887" = getelementptr inbounds double, ptr %"buf_t38", i64 %".872"
  store double %".886", ptr %".887"
  %".889" = add nsw i64 %"t38.i3", 1
  br label %"t38.3.head"
t38.3.done:
  %".891" = add nsw i64 %"t38.i2", 1
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
